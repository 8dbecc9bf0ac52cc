import { claimTerm, compareSum, withRequired } from '../terms';
import { defineRule, type Finding } from '../types';
import type { BudgetDoc, Claim } from '../../recognize/model';

/** Totals the 说明 states together with all of their parts. */
const RELATIONS: { total: string; parts: string[]; zh: string; en: string }[] = [
  { total: 'threePublic.total', parts: ['threePublic.abroad', 'threePublic.reception', 'threePublic.vehicle'], zh: '“三公”经费应等于因公出国（境）费、公务接待费、公务用车购置及运行费之和', en: '"three public" expenses must equal travel abroad + hospitality + vehicles' },
  { total: 'threePublic.vehicle', parts: ['threePublic.vehicle.purchase', 'threePublic.vehicle.run'], zh: '公务用车购置及运行费应等于购置费与运行维护费之和', en: 'vehicle costs must equal purchase + running' },
  { total: 'basic.total', parts: ['basic.personnel', 'basic.public'], zh: '基本支出应等于人员经费与公用经费之和', en: 'basic spending must equal personnel + running costs' },
];

/**
 * The claim of `key` that follows `total` in the text, before the next statement of the same total: a
 * 说明 states the total, then walks through its parts (each under its own small heading).
 */
function partAfter(doc: BudgetDoc, key: string, total: Claim): Claim | undefined {
  const start = doc.claims.indexOf(total);
  for (let i = start + 1; i < doc.claims.length; i++) {
    const c = doc.claims[i]!;
    if (c.key === total.key) return undefined;
    if (c.key === key && !c.change?.base) return c;
  }
  return undefined;
}

export default defineRule({
  id: 'R33',
  relation: 'R26',
  title: { zh: '说明中的分项之和等于所说的总数', en: 'Parts stated in the narrative add up to the stated total' },
  problem: { zh: '说明中的分项加起来不等于总数', en: 'Parts stated in the narrative do not add up to the total' },
  explain: {
    zh: '说明常常先给总数、再逐项列出：“三公”经费 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费；公务用车购置及运行费 = 购置费 + 运行维护费；基本支出 = 人员经费 + 公用经费。即使没有表格（说明与报表分开发布），这些数字也必须自洽。只有总数和每一个分项都写明时才核对。',
    en: 'A narrative often states a total and then each part. Even without the tables (published as a separate file) these must agree. Checked only when the total and every part are stated.',
  },
  example: { zh: '例：“三公”经费 223.80 = 因公出国 127.74 + 公务接待 11.64 + 公务用车 84.42；公务用车 84.42 = 购置 44.92 + 运行 39.50。', en: 'E.g. 223.80 = 127.74 + 11.64 + 84.42; 84.42 = 44.92 + 39.50.' },
  severity: 'error',
  group: 'narrative',
  // Budgets only: a 决算 narrative states each item's 预算数 and 决算数 side by side, and which figure a
  // part is cannot be told from the words alone.
  appliesTo: ['budget'],
  check(doc, ctx) {
    const out: Finding[] = [];
    for (const rel of RELATIONS) {
      for (const total of doc.claims.filter((c) => c.key === rel.total && c.value && !c.change?.base)) {
        const parts = rel.parts.map((k) => claimTerm(partAfter(doc, k, total)));
        const f = compareSum(ctx, claimTerm(total), withRequired(parts), { rule: 'R33', where: { zh: '说明', en: 'Narrative' }, relation: { zh: rel.zh, en: rel.en } });
        if (f) out.push(f);
      }
    }
    return out;
  },
});
