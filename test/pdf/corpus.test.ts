/**
 * The real 决算 PDFs of ../shared/corpus, checked against a hand-verified answer key (see the closing
 * note): tables and page ranges, amounts as printed, the real inconsistencies reported, and silence where
 * the relations hold.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../lib/analyze';
import { extractPdfBytes } from '../../lib/cli/load-pdf';
import { describeFindings } from '../helpers';
import type { Finding } from '../../lib/rules/types';

const CORPUS = join(fileURLToPath(import.meta.url), '..', '..', '..', '..', 'shared', 'corpus');
const have = existsSync(CORPUS);

async function load(name: string): Promise<Analysis> {
  const bytes = new Uint8Array(readFileSync(join(CORPUS, name)));
  return analyze(await extractPdfBytes(bytes, name));
}

const NINE: [string, string][] = [
  ['final.income-expenditure', '收入支出决算总表'],
  ['final.income', '收入决算表'],
  ['final.expenditure', '支出决算表'],
  ['final.fiscal-income-expenditure', '财政拨款收入支出决算总表'],
  ['final.general-public-expenditure', '一般公共预算财政拨款支出决算表'],
  ['final.general-public-basic', '一般公共预算财政拨款基本支出决算表'],
  ['final.three-public', '财政拨款“三公”经费支出决算表'],
  ['final.gov-fund', '政府性基金预算财政拨款收入支出决算表'],
  ['final.state-capital', '国有资本经营预算财政拨款收入支出决算表'],
];

function pages(a: Analysis): Record<string, [number, number]> {
  return Object.fromEntries(a.doc.tables.filter((t) => t.kind !== 'unknown').map((t) => [t.kind, [t.page!, t.pageEnd ?? t.page!]]));
}

function find(a: Analysis, rule: string, severity: Finding['severity'], re: RegExp): Finding | undefined {
  return a.findings.find((f) => f.rule === rule && f.severity === severity && re.test(f.message.zh));
}

describe.skipIf(!have)('putuo-finance-2024-final.pdf (上海市普陀区财政局 2024 决算)', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await load('putuo-finance-2024-final.pdf');
  }, 60_000);

  it('recognises all nine tables with the right page ranges', () => {
    expect(a.doc.kind).toBe('final-accounts');
    expect(a.doc.organization).toBe('上海市普陀区财政局');
    expect(a.doc.year).toBe(2024);
    expect(a.doc.pageCount).toBe(25);
    expect(pages(a)).toEqual({
      'final.income-expenditure': [6, 7],
      'final.income': [8, 9],
      'final.expenditure': [10, 11],
      'final.fiscal-income-expenditure': [12, 13],
      'final.general-public-expenditure': [15, 15],
      'final.general-public-basic': [16, 17],
      'final.three-public': [18, 18],
      'final.gov-fund': [19, 19],
      'final.state-capital': [20, 20],
    });
    expect(a.doc.toc.map((e) => e.kind)).toEqual(NINE.map(([k]) => k));
  });

  it('reads every amount as a person reads it (spot checks across tables)', () => {
    const t = (k: string) => a.doc.tables.find((x) => x.kind === k)!;
    const t1 = t('final.income-expenditure');
    const led = (key: string, col: string) => t1.rows.find((r) => r.key === key)?.values[col]?.text;
    expect(led('income.total', 'income.amount')).toBe('2,946.25');
    expect(led('income.carry', 'income.amount')).toBe('49.14');
    expect(led('exp.carry', 'exp.amount')).toBe('55.34');
    expect(led('fn:208', 'exp.amount')).toBe('326.71');
    // Top-aligned values on p10 belong to the row whose cell they sit in.
    const t3 = t('final.expenditure');
    const xz = t3.rows.find((r) => r.code === '2010601')!;
    expect([xz.values['total']?.text, xz.values['basic.total']?.text, xz.values['project.total']?.text]).toEqual(['1,511.89', '1,503.52', '8.37']);
    // The two-block basic table: left and right halves both read.
    const t6 = t('final.general-public-basic');
    const by = (code: string) => t6.rows.find((r) => r.code === code)?.values['total']?.text;
    expect([by('30102'), by('30309'), by('30299'), by('31002')]).toEqual(['1,238.58', '0.31', '11.53', '13.58']);
    expect(t6.rows.find((r) => r.key === 'personnel.total')?.values['total']?.text).toBe('2,152.26');
    const t7 = t('final.three-public');
    expect(t7.rows[0]!.values['budget.total']?.text).toBe('0.95');
    expect(t7.rows[0]!.values['budget.reception']?.text).toBe('0.95');
  });

  it('reports the real inconsistencies (answer key F-T1 … F-T4)', () => {
    const msg = describeFindings(a.findings);
    expect(find(a, 'R23', 'error', /财政拨款收入支出总计 0\.3 .*2,961\.68/), msg).toBeTruthy(); // F-T1
    expect(find(a, 'F04', 'error', /持平.*41\.51/), msg).toBeTruthy(); // F-T2
    expect(find(a, 'R24', 'error', /71\.73%.*71\.65%/), msg).toBeTruthy(); // F-T3
    expect(find(a, 'R24', 'error', /100\.07%/), msg).toBeTruthy();
    expect(find(a, 'F05', 'warning', /个人农业生产补贴.*奖励金 0\.31/), msg).toBeTruthy(); // F-T4
  });

  it('reports rounding differences only as notes (answer key F-R1 … F-R8)', () => {
    expect(find(a, 'R12', 'info', /326\.71.*326\.72/)).toBeTruthy(); // F-R1
    expect(find(a, 'R05', 'info', /工资福利支出.*2,082\.85/)).toBeTruthy(); // F-R4
    expect(find(a, 'R05', 'info', /商品和服务支出.*171\.07/)).toBeTruthy(); // F-R5
    expect(find(a, 'F06', 'info', /2993\.92/)).toBeTruthy(); // F-R7
    expect(find(a, 'R22', 'info', /251\.25/)).toBeTruthy(); // F-R8
  });

  it('raises no other error: the relations that hold stay silent', () => {
    const expected = [/财政拨款收入支出总计 0\.3/, /持平/, /71\.73%/, /100\.07%/];
    const others = a.findings.filter((f) => f.severity === 'error' && !expected.some((re) => re.test(f.message.zh)));
    expect(others, describeFindings(others)).toEqual([]);
    expect(a.findings.filter((f) => f.severity === 'warning').map((f) => f.rule)).toEqual(['F05']);
  });
});

describe.skipIf(!have)('putuo-planning-2024-final.pdf (上海市普陀区规划和自然资源局 2024 决算)', () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await load('putuo-planning-2024-final.pdf');
  }, 60_000);

  it('recognises all nine tables with the right page ranges', () => {
    expect(a.doc.organization).toBe('上海市普陀区规划和自然资源局');
    expect(pages(a)).toEqual({
      'final.income-expenditure': [7, 7],
      'final.income': [8, 9],
      'final.expenditure': [10, 11],
      'final.fiscal-income-expenditure': [12, 13],
      'final.general-public-expenditure': [14, 15],
      'final.general-public-basic': [16, 16],
      'final.three-public': [17, 17],
      'final.gov-fund': [18, 18],
      'final.state-capital': [19, 19],
    });
  });

  it('reports the real inconsistencies (answer key P-T1 … P-T11, P-X1 … P-X3)', () => {
    const msg = describeFindings(a.findings);
    const want: [string, Finding['severity'], RegExp][] = [
      ['R23', 'error', /基本支出 5377\.64 .*5364\.75/], // P-T1
      ['R23', 'error', /人员经费 4896\.98 .*4884\.09/], // P-T2
      ['R24', 'error', /99\.86%.*99\.87%/], // P-T3
      ['R24', 'error', /95\.45%.*95\.46%/], // P-T4
      ['R24', 'error', /13\.95.*缺少百分号/], // P-T5
      ['F03', 'error', /机关事业单位退休人员活动费支出.*其他行政事业单位养老支出/], // P-T6
      ['F03', 'error', /其他国土资源事务支出.*其他自然资源事务支出/], // P-T7
      ['F03', 'error', /住房保障支出（款）.*住房改革支出/], // P-T8
      ['R30g', 'warning', /“上海市规划和自然资源局”/], // P-T9
      ['R30g', 'warning', /规划与自然资源局/], // P-T10
      ['F05', 'warning', /奖金、奖励金、其他对个人和家庭的补助/], // P-T11
      ['R30d', 'error', /下降（增长）/], // P-X1
      ['R30d', 'error', /列明/], // P-X2
      ['R30d', 'error', /部门（单位）/], // P-X3
    ];
    for (const [rule, sev, re] of want) expect(find(a, rule, sev, re), `${rule} ${re}\n${msg}`).toBeTruthy();
  });

  it('treats the answer key\'s ROUND items as notes, and the non-appropriated 12.88 as legitimate', () => {
    expect(find(a, 'R12', 'info', /236\.63.*236\.64/)).toBeTruthy(); // P-R1
    expect(find(a, 'R12', 'info', /3845\.25.*3845\.24/)).toBeTruthy(); // P-R2
    expect(find(a, 'R04', 'info', /9746\.50/)).toBeTruthy(); // P-R3
    expect(find(a, 'R22', 'info', /2319\.21/)).toBeTruthy(); // P-R9
    // T3 vs T5, T1 vs T4 rows and carry-over differ by non-appropriated money: not flagged (§4.3).
    expect(a.findings.filter((f) => f.severity === 'error' && /12\.8[89]/.test(f.message.zh) && f.rule !== 'R23')).toEqual([]);
    expect(a.findings.filter((f) => f.rule === 'F01' && f.severity === 'error')).toEqual([]);
  });

  it('treats x/0 completion ("完成预算的0.00%" of a zero budget) as not applicable', () => {
    expect(a.findings.filter((f) => f.rule === 'R24' && /完成预算/.test(f.message.zh) && /0\.00%/.test(f.message.zh))).toEqual([]);
  });
});

describe.skipIf(!have)('national-final-accounts-template.pdf (blank template)', () => {
  it('is recognised as a blank 决算 template with no arithmetic findings, one note', async () => {
    const a = await load('national-final-accounts-template.pdf');
    expect(a.doc.kind).toBe('final-accounts');
    expect(a.doc.isTemplate).toBe(true);
    expect(new Set(a.doc.tables.map((t) => t.kind))).toEqual(new Set([...NINE.map(([k]) => k), 'unknown']));
    expect(a.findings.map((f) => [f.rule, f.severity])).toEqual([['R30d', 'info']]);
  }, 60_000);
});
