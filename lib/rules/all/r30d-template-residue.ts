import { excerpt, note, tableEvidence } from '../terms';
import { defineRule, type Finding } from '../types';

/** Placeholders and alternatives a filled-in template should not keep. */
const RESIDUE: [RegExp, string][] = [
  // Not a masked phone number or account (6432XXXX): digits before the Xs are a mask, not a placeholder.
  [/(?<![A-Za-z\d])(?:X{2,}|x{3,}|×{2,}|ＸＸ+)(?![A-Za-z\d])/, '占位符'],
  [/(?:增长|增加|下降|减少)\s*[（(]\s*(?:增长|增加|下降|减少)\s*[）)]/, '未删除的备选词'],
  [/[（(]\s*(?:增长|增加|下降|减少)\s*[/／、或]\s*(?:增长|增加|下降|减少)\s*[）)]/, '未删除的备选词'],
  [/(?:请|应)?(?:填写|逐项说明|据实填报)[^。；]{0,20}(?:情况|原因|内容)?[。；]?$/, '填写说明'],
  [/列明(?!了|的)/, '填写说明'],
  [/[局委办院室心会]部门[（(]单位[)）](?=共有|的|本)/, '未改写的模板用语'],
  [/【[^】]{0,20}(?:填写|说明|名称)[^】]{0,20}】/, '填写说明'],
  [/(万元|亿元)\s*\1/, '重复的单位'],
];

function residue(text: string): { what: string; match: string } | undefined {
  for (const [re, what] of RESIDUE) {
    const m = re.exec(text);
    if (m) return { what, match: m[0] };
  }
  return undefined;
}

export default defineRule({
  id: 'R30d',
  relation: 'R30',
  title: { zh: '没有残留的模板占位符', en: 'No template placeholders left in' },
  problem: { zh: '残留模板占位符或填写说明', en: 'Template placeholders or instructions left in' },
  explain: {
    zh: '公开文件通常由模板填写而成。“洛阳市 XXXX 局”“下降（增长）”这类占位符或备选词没有替换，说明文字没有按本单位情况认真填写，相关内容可能不可靠。',
    en: 'Documents are filled in from templates; placeholders such as "XXXX 局" or "下降（增长）" left in show a part that was not filled in.',
  },
  example: { zh: '例：政府性基金支出预算表写着“部门名称：洛阳市 XXXX 局”。', en: 'E.g. "部门名称：洛阳市 XXXX 局".' },
  severity: 'error',
  scope: 'document',
  group: 'completeness',
  appliesTo: ['budget', 'final-accounts'],
  check(doc) {
    const out: Finding[] = [];
    if (doc.isTemplate) {
      // A blank template is all placeholders by design: say so once.
      const n = doc.paragraphs.filter((p) => residue(p.text)).length;
      const first = doc.paragraphs.find((p) => residue(p.text));
      const claim = first ? { id: 'template', key: 'template', label: '模板', source: { anchor: first.anchor, quote: first.text.slice(0, 80), ...(first.page !== undefined ? { page: first.page } : {}) } } : undefined;
      out.push(note('R30d', 'info', `这是一份未填写的模板（单位名称为占位符，表中没有任何金额），有 ${n} 段文字含占位符或填写说明；填写后才能检查`, `This is a blank template (placeholder names, no amounts); ${n} paragraphs hold placeholders`, claim ? [{ kind: 'claim', claim, role: 'printed', label: '模板' }] : []));
      return out;
    }
    for (const p of doc.paragraphs) {
      // A footnote saying how a column was filled in (注：…品目名称填写) explains the table; it is not an
      // instruction left over.
      const r = /^\s*注\s*\d*\s*[:：]|^\s*\d+[.、．]/.test(p.text) && /填写/.test(p.text) && !/[（(][^）)]*填写[）)]/.test(p.text) ? undefined : residue(p.text);
      if (!r) continue;
      const quote = excerpt(p.text, r.match);
      const claim = { id: `residue-${out.length}`, key: 'residue', label: r.what, source: { anchor: p.anchor, quote, ...(p.page !== undefined ? { page: p.page } : {}) } };
      out.push(note('R30d', 'error', `说明中残留${r.what}“${r.match}”：${quote}`, `Template ${r.what === '占位符' ? 'placeholder' : 'text'} left in: "${r.match}"`, [{ kind: 'claim', claim, role: 'printed', label: r.what }]));
    }
    for (const t of doc.tables) {
      for (const [text, where] of [[t.org ?? '', '部门名称'], [t.title, '表名'], ...t.notes.map((n) => [n, '表注'] as [string, string])] as [string, string][]) {
        const r = residue(text);
        if (!r) continue;
        out.push(note('R30d', 'error', `${t.title || '表'}的${where}残留${r.what}“${r.match}”：${text.slice(0, 60)}`, `Template placeholder "${r.match}" in a table's ${where === '表注' ? 'note' : 'heading'}`, [tableEvidence(t)]));
      }
    }
    return out;
  },
});
