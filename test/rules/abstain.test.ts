/**
 * Abstain rather than accuse: each mechanism that keeps a misreading from becoming an "error" is shown on a
 * real fixture page changed the way documents from other provinces differ. Without the mechanism, each of
 * these raises a false error.
 */
import { describe, expect, it } from 'vitest';
import { analyzeMutated, describeFindings, setCell, tableAfter } from '../helpers';
import { compareSum, type Term } from '../../lib/rules/terms';
import { collapseMisreadTables } from '../../lib/rules/misread';
import type { Finding, Pass, RuleContext } from '../../lib/rules/types';
import { parseAmount } from '../../lib/money';

const P001 = '001-excel-export.html';
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error');
const ctx: RuleContext = { policy: 'rounding-aware', doc: undefined as never, pass() {} };
const term = (s: string, extra: Partial<Term> = {}): Term => ({ amount: parseAmount(s, { numericColumn: true })!, unit: '万元', label: s, ...extra });
const opt = { rule: 'R03', where: { zh: 'x', en: 'x' } };

describe('absent is not zero', () => {
  it('a blank total beside printed parts, or a printed total over blank parts, is not compared', () => {
    expect(compareSum(ctx, term(''), [term('12.00'), term('3.00')], opt)).toBeUndefined();
    expect(compareSum(ctx, term('15.00'), [term(''), term('—')], opt)).toBeUndefined();
    // …while two printed sides that disagree are.
    expect(compareSum(ctx, term('15.00'), [term('12.00'), term('4.00')], opt)?.severity).toBe('error');
  });

  it('a money cell that holds no readable amount makes its relations unknown, not a sum without it', () => {
    const a = analyzeMutated(P001, (d) => setCell(tableAfter(d, '2024年部门支出预算表'), /行政运行/, /^508\.07$/, '见附表'));
    expect(errors(a.findings).filter((f) => f.rule === 'R03' && /行政运行/.test(f.message.zh)).map((f) => f.message.zh), describeFindings(a.findings)).toEqual([]);
  });
});

describe('units are never guessed', () => {
  it('a figure whose table printed no unit is not compared with one whose unit is known', () => {
    expect(compareSum(ctx, term('1070.00', { unitAssumed: true }), [term('1070.00')], opt)).toBeUndefined();
    expect(compareSum(ctx, term('1070.00', { unitAssumed: true }), [term('1000.00', { unitAssumed: true }), term('60.00', { unitAssumed: true })], opt)?.severity).toBe('error');
  });
});

describe('a relation failing on most rows means the table was misread', () => {
  const table = { id: 't1', kind: 'expenditure', title: '支出表', page: 3 } as never;
  const cell = (r: number) => ({ text: '1', anchor: { kind: 'pdf', page: 3, box: [0, 0, 1, 1] }, gridRow: r, gridCol: 1, tableId: 't1' }) as never;
  const failure = (r: number): Finding => ({ rule: 'R03', severity: 'error', message: { zh: `row ${r}`, en: '' }, expected: '1', printed: '2', values: [], evidence: [{ kind: 'cell', cell: cell(r), role: 'printed', label: 'x', table }] });

  it('most rows failing: the failures are withdrawn and one note says the table was not checked', () => {
    const out = collapseMisreadTables([failure(1), failure(2), failure(3)], [{ rule: 'R03', cells: [cell(4)] }]);
    expect(out.filter((f) => f.severity === 'error')).toEqual([]);
    expect(out.filter((f) => f.rule === 'X02')).toHaveLength(1);
  });

  it('one failure among many rows that hold stays an error', () => {
    const passes: Pass[] = [1, 2, 3, 4, 5].map((r) => ({ rule: 'R03', cells: [cell(r + 10)] }));
    const out = collapseMisreadTables([failure(1)], passes);
    expect(out.filter((f) => f.severity === 'error')).toHaveLength(1);
  });
});
