import { rowFullyRead, tables } from '../lookup';
import { cellTerm, compareSum, where } from '../terms';
import { defineRule, type Finding } from '../types';

export default defineRule({
  id: 'R07',
  relation: 'R7',
  title: { zh: '“三公”经费表：合计 = 三项之和', en: '"Three public" table adds up' },
  problem: { zh: '“三公”经费合计不等于各项之和', en: 'The "three public" total is not the sum of its items' },
  explain: {
    zh: '“三公”经费是因公出国（境）费、公务用车购置及运行费、公务接待费三项。合计 = 三项之和；公务用车购置及运行费 = 公务用车购置费 + 公务用车运行费。',
    en: '"Three public" expenses are official travel abroad, official vehicles and official hospitality. Total = the three; vehicles = purchase + running costs.',
  },
  example: { zh: '例：合计 25.50 = 因公出国 0 + 公务用车 22.00 + 公务接待 3.50；公务用车 22.00 = 购置 0 + 运行 22.00。', en: 'E.g. 25.50 = 0 + 22.00 + 3.50; 22.00 = 0 + 22.00.' },
  severity: 'error',
  group: 'arithmetic',
  appliesTo: ['budget', 'final-accounts'],
  check(doc, ctx) {
    const out: Finding[] = [];
    const push = (f: Finding | undefined) => f && out.push(f);
    for (const t of tables(doc, 'three-public', 'final.three-public')) {
      for (const r of t.rows) {
        const prefixes = new Set(Object.keys(r.values).map((k) => (k.startsWith('budget.') ? 'budget.' : k.startsWith('final.') ? 'final.' : '')));
        for (const p of prefixes) {
          const w = where(t, r);
          if (!rowFullyRead(r)) continue;
          // The three parts must all have been found; 会议费 and 培训费 join the total where the table has them.
          const has = (k: string) => t.columns.some((c) => c.key === k) || (r.key === 'three-public.by-row' && k in r.values);
          const vehicle = has(p + 'vehicle') ? cellTerm(t, r, p + 'vehicle') : has(p + 'vehicle.purchase') && has(p + 'vehicle.run') ? undefined : null;
          const parts = [cellTerm(t, r, p + 'abroad'), cellTerm(t, r, p + 'reception')];
          const ok = has(p + 'abroad') && has(p + 'reception') && vehicle !== null;
          const vehicleParts = vehicle ? [vehicle] : [cellTerm(t, r, p + 'vehicle.purchase'), cellTerm(t, r, p + 'vehicle.run')];
          // A total headed “三公”经费合计 covers the three; a bare 合计 beside 会议费 and 培训费 covers all five.
          const totalCol = t.columns.find((c) => c.key === p + 'total');
          const threeOnly = r.key === 'three-public.by-row' || (!!totalCol && totalCol.path.some((x) => /三公/.test(x)));
          const extra = threeOnly ? [] : ['meeting', 'training'].filter((k) => has(p + k)).map((k) => cellTerm(t, r, p + k));
          if (ok) push(compareSum(ctx, cellTerm(t, r, p + 'total'), [...parts, ...vehicleParts, ...extra], { rule: 'R07', where: w }));
          push(compareSum(ctx, cellTerm(t, r, p + 'vehicle'), [cellTerm(t, r, p + 'vehicle.purchase'), cellTerm(t, r, p + 'vehicle.run')], { rule: 'R07', where: w }));
        }
      }
    }
    return out;
  },
});
