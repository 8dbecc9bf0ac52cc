import { table } from '../lookup';
import { cellTerm, compareSum, note } from '../terms';
import { defineRule, type Finding } from '../types';
import { nameKey } from '../../text/names';
import { tableLabel } from '../../recognize/document';
import type { Row } from '../../recognize/model';
import { toDec } from '../../money/amount';
import { cmp } from '../../money/decimal';

export default defineRule({
  id: 'F03',
  relation: '决算 narrative: items by 类/款/项',
  title: { zh: '说明逐项列出的科目名称和金额与表格一致', en: 'Items described in the text match the table rows' },
  problem: { zh: '说明列出的科目名称或金额与表格不符', en: 'An item the narrative names does not match the table' },
  explain: {
    zh: '决算说明按“××（类）××（款）××（项）”逐项说明预算和决算数。每个名称都应是一般公共预算财政拨款支出决算表里的真实科目，决算数应等于该行的数字。名称写成了旧科目名或别的科目，读者就无法把文字和表格对上。',
    en: 'Each item the text describes as "class / item / sub-item" must be a real row of the general-budget table with the same actual figure.',
  },
  example: { zh: '例：说明写“其他国土资源事务支出（项）45.00”，表格中该行名为“其他自然资源事务支出”。', en: 'E.g. an outdated sub-item name for row 2200199.' },
  severity: 'error',
  group: 'narrative',
  appliesTo: ['final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const t = table(doc, 'final.general-public-expenditure');
    if (!t) return out;
    const rows = t.rows.filter((r) => r.kind === 'function' && r.code);
    const byName = (level: number, name: string, parent?: Row): Row | undefined => rows.find((r) => r.code!.length === [0, 3, 5, 7][level] && nameKey(r.label) === nameKey(name) && (!parent || r.code!.startsWith(parent.code!)));
    for (const c of doc.claims) {
      if (c.key !== 'gp.item' || !c.names || !c.value) continue;
      const [n1, n2, n3] = c.names as [string, string, string];
      const cls = byName(1, n1);
      const kuan = byName(2, n2, cls);
      const item = byName(3, n3, kuan ?? cls);
      const claimEv = [{ kind: 'claim' as const, claim: c, role: 'printed' as const, label: c.label }];
      if (item && cls && !kuan) {
        // The 项 exists but the 款 it is said to sit under does not: name the 款 the table gives.
        const k = rows.find((x) => x.code === item.code!.slice(0, 5));
        if (k) out.push(note('F03', 'error', `说明中的款名“${n2}（款）”与表格不符：“${item.label}”（${item.code}）属于“${k.label}”（${k.code}）`, `The text places "${n3}" under "${n2}", but the table's 款 is "${k.label}"`, [...claimEv, { kind: 'cell', cell: k.labelCell ?? k.cells[0]!, role: 'compare', label: k.label, table: t }]));
      }
      if (item) {
        const f = compareSum(ctx, { amount: c.value, unit: c.unit ?? '万元', label: `说明中“${n3}（项）”决算数`, claim: c }, [cellTerm(t, item, 'total', `${tableLabel(t)}「${item.code} ${item.label}」`)], { rule: 'F03', where: { zh: `说明第“${n3}”项`, en: `Item "${n3}"` } });
        if (f) out.push(f);
        continue;
      }
      // The named row does not exist: find the row the figure belongs to, to say which name was meant.
      const scope = rows.filter((r) => r.code!.length === 7 && (!cls || r.code!.startsWith(cls.code!)));
      const same = scope.filter((r) => r.values['total']?.amount && cmp(toDec(r.values['total'].amount), toDec(c.value!)) === 0);
      const wrong = [!cls ? `“${n1}（类）”` : '', cls && !kuan ? `“${n2}（款）”` : '', `“${n3}（项）”`].filter(Boolean).join('、');
      if (same.length === 1) {
        const r = same[0]!;
        const k = rows.find((x) => x.code === r.code!.slice(0, 5));
        const named = [!cls ? '' : '', kuan ? '' : k ? `款应为“${k.label}”` : '', `项应为“${r.label}”（${r.code}）`].filter(Boolean).join('，');
        out.push(note('F03', 'error', `说明中的科目名称${wrong}在${tableLabel(t)}中不存在；金额 ${c.value.raw} 对应的是“${r.label}”：${named}`, `The text names ${wrong}, which is not a row of the table; the amount ${c.value.raw} belongs to "${r.label}" (${r.code})`, [...claimEv, { kind: 'cell', cell: r.values['total'] ?? r.cells[0]!, role: 'compare', label: r.label, table: t }], [c.value.raw]));
      } else if (!cls) {
        // Neither the names nor the amount are in the table: more likely rows we did not read than a
        // misnamed item. Said as a note, never as an error.
        out.push(note('F03', 'info', `说明中的科目名称${wrong}在${tableLabel(t)}中没有找到（可能是表格未读全），未核对`, `The text names ${wrong}, not found among the rows read from the table; not checked`, claimEv, [c.value.raw]));
      } else {
        out.push(note('F03', 'warning', `说明中的科目名称${wrong}在${tableLabel(t)}中找不到，金额 ${c.value.raw} 也对不上任何一行`, `The text names ${wrong}, which is not a row of the table, and its amount matches no row`, claimEv, [c.value.raw]));
      }
    }
    return out;
  },
});
