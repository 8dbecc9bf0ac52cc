import { economicGroup } from '../../codes/economic';
import { table } from '../lookup';
import { note } from '../terms';
import { defineRule, type Finding } from '../types';
import { normalizeSameLength } from '../../recognize/narrative/normalize';
import { nameKey } from '../../text/names';

export default defineRule({
  id: 'F05',
  relation: '决算 narrative: 人员经费/公用经费 item lists',
  title: { zh: '“主要包括”列出的科目与基本支出表一致', en: 'Item lists match the basic-expenditure table' },
  problem: { zh: '“主要包括”列出的科目与基本支出表不符', en: 'The "mainly" list does not match the basic-expenditure table' },
  explain: {
    zh: '说明在人员经费、公用经费后面列出“主要包括：基本工资、津贴补贴……”。列出的每一项在基本支出决算表里都应有金额；表中有金额的项目也应被列出。列了表中为空的项目，或漏掉有金额的项目，说明文字与表格来自不同口径或抄错了行。',
    en: 'The items listed after 人员经费 / 公用经费 should be exactly those with amounts in the basic-expenditure table.',
  },
  example: { zh: '例：人员经费列出“个人农业生产补贴”（表中为空），却漏了“奖励金”（0.31 万元）。', en: 'E.g. listing a blank item and omitting one with 0.31.' },
  severity: 'warning',
  group: 'narrative',
  appliesTo: ['final-accounts'],
  check(doc) {
    const out: Finding[] = [];
    const t = table(doc, 'final.general-public-basic');
    if (!t) return out;
    const items = t.rows.filter((r) => r.kind === 'economic' && r.code?.length === 5);
    for (const p of doc.paragraphs) {
      const norm = normalizeSameLength(p.text);
      for (const [group, word] of [['personnel', '人员经费'], ['public', '公用经费']] as const) {
        const m = new RegExp(`${word}[\\d.,\\s]*万元[,，]?\\s*主要包括[:：]?([^;；。]+)`).exec(norm);
        if (!m) continue;
        const listed = m[1]!.split(/[、,，]/).map((x) => x.replace(/(支出|等)$/, '').trim()).filter((x) => x.length >= 2);
        const mine = items.filter((r) => economicGroup(r.code!) === group);
        const nonzero = mine.filter((r) => r.values['total']?.amount?.printed && r.values['total'].amount.units !== 0);
        const find = (name: string) => mine.find((r) => nameKey(r.label).replace(/支出$/, '') === nameKey(name) || nameKey(r.label).startsWith(nameKey(name)));
        const blank = listed.filter((n) => {
          const r = find(n);
          return r && !nonzero.includes(r);
        });
        const omitted = nonzero.filter((r) => !listed.some((n) => find(n) === r));
        if (!blank.length && !omitted.length) continue;
        const claim = { id: `list-${out.length}`, key: 'list', label: word, source: { anchor: p.anchor, quote: p.text.slice(m.index, m.index + Math.min(m[0].length, 120)), ...(p.page !== undefined ? { page: p.page } : {}) } };
        const parts = [blank.length ? `列出了表中为空的“${blank.join('、')}”` : '', omitted.length ? `漏列了有金额的“${omitted.map((r) => `${r.label} ${r.values['total']!.text}`).join('、')}”` : ''].filter(Boolean).join('，');
        out.push(note('F05', 'warning', `说明中${word}的“主要包括”${parts}`, `The ${word} list names blank items or omits items with amounts`, [{ kind: 'claim', claim, role: 'printed', label: word }], omitted.map((r) => r.values['total']!.text)));
      }
    }
    return out;
  },
});
