import { claim, table } from '../lookup';
import { cellTerm, compareSum, note, tableEvidence, where } from '../terms';
import { defineRule, type Finding } from '../types';
import { nameKey, editDistance } from '../../text/names';
import type { Project, Table } from '../../recognize/model';
import type { Evidence } from '../types';

function projectEvidence(p: Project, t: Table): Evidence[] {
  const cell = p.row.values['total'] ?? p.row.cells[0];
  return cell ? [{ kind: 'cell', cell, role: 'printed', label: p.name, table: t }] : [];
}
import { tableLabel } from '../../recognize/document';

/** Pair the projects of two tables: same name (as a reader compares it), else one close name. */
export function pairProjects(a: readonly Project[], b: readonly Project[]): { pairs: [Project, Project][]; onlyA: Project[]; onlyB: Project[] } {
  const pairs: [Project, Project][] = [];
  const restB = new Set(b);
  const onlyA: Project[] = [];
  for (const p of a) {
    const k = nameKey(p.name);
    const same = [...restB].find((q) => nameKey(q.name) === k);
    if (same) {
      pairs.push([p, same]);
      restB.delete(same);
    } else onlyA.push(p);
  }
  const stillA: Project[] = [];
  for (const p of onlyA) {
    const k = nameKey(p.name);
    let best: Project | undefined;
    let bestD = Infinity;
    for (const q of restB) {
      const d = editDistance(k, nameKey(q.name), 4);
      if (d < bestD) (best = q), (bestD = d);
    }
    if (best && bestD <= Math.max(1, Math.floor(k.length / 6))) {
      pairs.push([p, best]);
      restB.delete(best);
    } else stillA.push(p);
  }
  return { pairs, onlyA: stillA, onlyB: [...restB] };
}

export default defineRule({
  id: 'R17',
  relation: 'R17',
  title: { zh: '项目在项目表与绩效表中一一对应', en: 'Projects match between the project and performance tables' },
  problem: { zh: '项目表与绩效表的项目对不上', en: 'Projects do not match between the project and performance tables' },
  explain: {
    zh: '每个项目既出现在项目支出预算表，也出现在项目绩效目标表中，金额和类型（其他运转类/特定目标类）应相同；项目个数也应与说明里“共 N 个项目”一致。绩效表金额常四舍五入到 0.1 万元，这在舍入范围内不算错误。',
    en: 'Each project appears in both the project table and the performance table with the same amount and type; the count matches the narrative. Amounts rounded to 0.1 are fine.',
  },
  example: { zh: '例：“工作经费”项目表 196.73，绩效表 196.7（舍入）；项目表 10 个项目 = 绩效表 10 个 = 说明“共10个项目”。', en: 'E.g. 196.73 vs 196.7; 10 projects everywhere.' },
  severity: 'error',
  scope: 'document',
  group: 'cross-table',
  appliesTo: ['budget'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const t12 = table(doc, 'projects');
    const t14 = table(doc, 'project-performance');
    const list12 = t12?.projects ?? [];
    const list14 = t14?.projects ?? [];
    if (t12 && t14 && list12.length && list14.length) {
      const { pairs, onlyA, onlyB } = pairProjects(list12, list14);
      const rounded: Finding[] = [];
      for (const [p, q] of pairs) {
        const f = compareSum(ctx, cellTerm(t14, q.row, 'total', `${tableLabel(t14)}「${q.name}」`), [cellTerm(t12, p.row, 'total', `${tableLabel(t12)}「${p.name}」`)], { rule: 'R17', where: { zh: `项目「${p.name}」`, en: `Project "${p.name}"` } });
        if (f?.severity === 'info') rounded.push(f);
        else if (f) out.push(f);
        if (p.type && q.type && nameKey(p.type) !== nameKey(q.type)) {
          out.push(note('R17', 'error', `项目「${p.name}」：${tableLabel(t12)}类型为“${p.type}”，${tableLabel(t14)}为“${q.type}”`, `Project "${p.name}": type "${p.type}" vs "${q.type}"`, [tableEvidence(t12), tableEvidence(t14)]));
        }
      }
      // Amounts printed at a coarser precision in one table: one note for all of them.
      if (rounded.length === 1) out.push(rounded[0]!);
      else if (rounded.length > 1) {
        out.push(note('R17', 'info', `${tableLabel(t14)}的金额位数少于${tableLabel(t12)}（四舍五入），${rounded.length} 个项目因此相差不超过舍入误差：${rounded.map((f) => f.values.join(' / ')).join('；')}`, `${rounded.length} projects differ only by the rounding of the less precise table`, rounded.flatMap((f) => f.evidence), rounded.flatMap((f) => f.values)));
      }
      for (const p of onlyA) out.push(note('R17', 'error', `项目「${p.name}」在${tableLabel(t12)}中有，在${tableLabel(t14)}中找不到`, `Project "${p.name}" is in the project table but not in the performance table`, projectEvidence(p, t12)));
      for (const q of onlyB) out.push(note('R17', 'error', `项目「${q.name}」在${tableLabel(t14)}中有，在${tableLabel(t12)}中找不到`, `Project "${q.name}" is in the performance table but not in the project table`, projectEvidence(q, t14)));
    }
    const count = claim(doc, 'projects.count');
    const n = list12.length || list14.length;
    if (count?.count !== undefined && n) {
      if (count.count !== n) {
        const t = (list12.length ? t12 : t14)!;
        out.push(note('R17', 'error', `说明称项目 ${count.count} 个，但${tableLabel(t)}列出 ${n} 个项目`, `The narrative states ${count.count} projects; the table lists ${n}`, [{ kind: 'claim', claim: count, role: 'printed', label: '项目个数' }, tableEvidence(t)], [String(count.count)], { expected: String(n), printed: String(count.count), difference: String(count.count - n) }));
      } else ctx.pass('R17', []);
    }
    void where;
    return out;
  },
});
