/**
 * Every rule, in catalogue order. A rule is one file under ./all; adding one means adding its line here.
 */
import rule_r01 from './all/r01-income-expenditure';
import rule_r02 from './all/r02-income-table';
import rule_r03 from './all/r03-expenditure-rows';
import rule_r04 from './all/r04-fiscal-ledger';
import rule_r05 from './all/r05-basic-economic';
import rule_r06 from './all/r06-economic-summary';
import rule_r07 from './all/r07-three-public-table';
import rule_r08 from './all/r08-operating-cost-table';
import rule_r09 from './all/r09-projects-table';
import rule_r10 from './all/r10-overall-performance';
import rule_r11 from './all/r11-project-performance';
import rule_r12 from './all/r12-function-totals';
import rule_r13 from './all/r13-expenditure-vs-general';
import rule_r14 from './all/r14-basic-vs-economic';
import rule_r15 from './all/r15-project-amount';
import rule_r16 from './all/r16-grand-total';
import rule_r17 from './all/r17-project-identity';
import rule_r18 from './all/r18-three-public-economic';
import rule_r19 from './all/r19-operating-cost';
import rule_r20 from './all/r20-function-economic';
import rule_r21 from './all/r21-classification';
import rule_r22 from './all/r22-procurement';
import rule_r23 from './all/r23-narrative-vs-tables';
import rule_r24 from './all/r24-percentages';
import rule_r25 from './all/r25-yoy';
import rule_r26 from './all/r26-three-public-yoy';
import rule_r27 from './all/r27-counts';
import rule_r28 from './all/r28-vehicles-running';
import rule_r29 from './all/r29-cost-indicators';
import rule_r30a from './all/r30a-project-names';
import rule_r30b from './all/r30b-function-labels';
import rule_r30c from './all/r30c-table-of-contents';
import rule_r30d from './all/r30d-template-residue';
import rule_r30e from './all/r30e-years';
import rule_r30f from './all/r30f-cost-labels';
import rule_r30g from './all/r30g-organisation-name';
import rule_r31 from './all/r31-indicator-grid';
import rule_r32 from './all/r32-booklet-departments';
import rule_r33 from './all/r33-narrative-parts';
import rule_f01 from './all/f01-final-cross-table';
import rule_f02 from './all/f02-budget-vs-actual';
import rule_f03 from './all/f03-narrative-items';
import rule_f04 from './all/f04-implied-prior-year';
import rule_f05 from './all/f05-item-lists';
import rule_f06 from './all/f06-item-budgets';
import rule_x01 from './all/x01-readable';
import rule_x02 from './all/x02-unreliable-table';
import rule_x03 from './all/x03-tables-elsewhere';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  rule_r01,
  rule_r02,
  rule_r03,
  rule_r04,
  rule_r05,
  rule_r06,
  rule_r07,
  rule_r08,
  rule_r09,
  rule_r10,
  rule_r11,
  rule_r12,
  rule_r13,
  rule_r14,
  rule_r15,
  rule_r16,
  rule_r17,
  rule_r18,
  rule_r19,
  rule_r20,
  rule_r21,
  rule_r22,
  rule_r23,
  rule_r24,
  rule_r25,
  rule_r26,
  rule_r27,
  rule_r28,
  rule_r29,
  rule_r30a,
  rule_r30b,
  rule_r30c,
  rule_r30d,
  rule_r30e,
  rule_r30f,
  rule_r30g,
  rule_r31,
  rule_r32,
  rule_r33,
  rule_f01,
  rule_f02,
  rule_f03,
  rule_f04,
  rule_f05,
  rule_f06,
  rule_x01,
  rule_x02,
  rule_x03,
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
