/**
 * The standard tables of a department budget (预算, 14 tables) and final accounts (决算, 9 tables), with the
 * words used to recognise them and a plain explanation for readers learning the format.
 */
type BudgetTableKind =
  | 'income-expenditure'
  | 'income'
  | 'expenditure'
  | 'fiscal-income-expenditure'
  | 'general-public-expenditure'
  | 'general-public-basic'
  | 'economic-summary'
  | 'three-public'
  | 'gov-fund-expenditure'
  | 'state-capital-expenditure'
  | 'operating-cost'
  | 'projects'
  | 'overall-performance'
  | 'project-performance';

type FinalTableKind =
  | 'final.income-expenditure'
  | 'final.income'
  | 'final.expenditure'
  | 'final.fiscal-income-expenditure'
  | 'final.general-public-expenditure'
  | 'final.general-public-basic'
  | 'final.three-public'
  | 'final.gov-fund'
  | 'final.state-capital';

export type TableKind = BudgetTableKind | FinalTableKind;

type TableFamily = 'budget' | 'final';

/** How a table is laid out, which decides how rows and columns are read. */
export type TableLayout =
  | 'ledger' // two side-by-side lists: 收入 项目/金额 | 支出 项目/金额
  | 'by-function' // rows by 类/款/项 function code, columns of money
  | 'by-economic' // rows by economic (301xx/302xx) code
  | 'single-row' // the 三公 table
  | 'projects'
  | 'key-value' // the 整体绩效 block
  | 'project-grid' // one project over several lines of indicators
  | 'by-unit';

interface TableKindInfo {
  kind: TableKind;
  family: TableFamily;
  /** Position in the standard list (一、… 十四、). */
  number: number;
  zh: string;
  en: string;
  layout: TableLayout;
  /** Title patterns, tried in catalogue order against the title with year and spaces removed. */
  titles: RegExp[];
  /** Plain explanation for readers learning the format. */
  explain: { zh: string; en: string };
}

export const TABLE_KINDS: readonly TableKindInfo[] = [
  // 决算 first: their titles contain the budget titles' words.
  {
    kind: 'final.fiscal-income-expenditure', family: 'final', number: 4, zh: '财政拨款收入支出决算总表', en: 'Fiscal appropriation income and expenditure (final)', layout: 'ledger',
    titles: [/财政拨款收入支出决算总表/, /财政拨款收支决算总表/],
    explain: { zh: '只看同级财政拨给本部门的钱：年初结转、本年拨款、本年支出与年末结转。左右两栏总计必须相等。', en: 'Only the money the finance bureau appropriated: opening balances, this year\'s appropriation, spending and closing balances. Both sides must total the same.' },
  },
  {
    kind: 'final.income-expenditure', family: 'final', number: 1, zh: '收入支出决算总表', en: 'Income and expenditure (final)', layout: 'ledger',
    titles: [/收入支出决算总表/, /收支决算总表/],
    explain: { zh: '全年实际收到和花出的全部资金。左栏是收入，右栏按功能分类列支出；年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余。', en: 'All money actually received and spent in the year. Opening balances + income = spending + closing balances.' },
  },
  {
    kind: 'final.income', family: 'final', number: 2, zh: '收入决算表', en: 'Income (final)', layout: 'by-function',
    titles: [/^收入决算表/, /[^出]收入决算表/],
    explain: { zh: '按支出功能科目列出各类收入来源（财政拨款、事业收入等）的实际数。每行合计等于各来源之和。', en: 'Actual income by source for each function code. Each row\'s total is the sum of its sources.' },
  },
  {
    kind: 'final.general-public-basic', family: 'final', number: 6, zh: '一般公共预算财政拨款基本支出决算表', en: 'General public budget basic expenditure (final)', layout: 'by-economic',
    titles: [/一般公共预算财政拨款基本支出决算/, /一般公共预算基本支出决算/],
    explain: { zh: '基本支出按经济分类的实际数：人员经费（301、303）和公用经费（302、310等）。', en: 'Basic spending by economic class: personnel (301, 303) and running costs (302, 310 …).' },
  },
  {
    kind: 'final.general-public-expenditure', family: 'final', number: 5, zh: '一般公共预算财政拨款支出决算表', en: 'General public budget expenditure (final)', layout: 'by-function',
    titles: [/一般公共预算财政拨款支出决算/, /一般公共预算支出决算/],
    explain: { zh: '一般公共预算财政拨款按功能科目的实际支出，分基本支出和项目支出。每行合计 = 基本支出 + 项目支出。', en: 'General-budget appropriations spent, by function; each row total = basic + project spending.' },
  },
  {
    kind: 'final.three-public', family: 'final', number: 7, zh: '财政拨款“三公”经费支出决算表', en: '"Three public" expenses (final)', layout: 'single-row',
    titles: [/三公.*决算/],
    explain: { zh: '因公出国（境）费、公务用车购置及运行费、公务接待费的预算数与决算数。合计 = 三项之和。', en: 'Budget and actual for official travel abroad, official vehicles (purchase + running) and official hospitality.' },
  },
  {
    kind: 'final.gov-fund', family: 'final', number: 8, zh: '政府性基金预算财政拨款收入支出决算表', en: 'Government fund appropriations (final)', layout: 'by-function',
    titles: [/政府性基金.*决算/],
    explain: { zh: '政府性基金预算拨款的年初结转、本年收入、本年支出和年末结转。没有这类资金时表格为空并注明。', en: 'Government-fund appropriations; empty with a note when the department has none.' },
  },
  {
    kind: 'final.state-capital', family: 'final', number: 9, zh: '国有资本经营预算财政拨款收入支出决算表', en: 'State capital appropriations (final)', layout: 'by-function',
    titles: [/国有资本经营.*决算/],
    explain: { zh: '国有资本经营预算拨款的收支情况。没有这类资金时表格为空并注明。', en: 'State-capital budget appropriations; empty with a note when there are none.' },
  },
  {
    kind: 'final.expenditure', family: 'final', number: 3, zh: '支出决算表', en: 'Expenditure (final)', layout: 'by-function',
    titles: [/支出决算表/],
    explain: { zh: '按功能科目列出实际支出，分基本支出、项目支出等。每行合计 = 各列之和。', en: 'Actual spending by function code, split into basic and project spending.' },
  },
  // 预算
  {
    kind: 'fiscal-income-expenditure', family: 'budget', number: 4, zh: '财政拨款收支预算表', en: 'Fiscal appropriation income and expenditure', layout: 'ledger',
    titles: [/财政拨款收支/, /财政拨款收入支出预算/],
    explain: { zh: '只看财政拨款：左栏是一般公共预算、政府性基金、国有资本经营三类拨款，右栏按功能列支出。收入合计 = 支出合计。', en: 'Appropriations only: three kinds of appropriation on the left, spending by function on the right; both totals equal.' },
  },
  {
    kind: 'income-expenditure', family: 'budget', number: 1, zh: '部门收支预算表', en: 'Department income and expenditure budget', layout: 'ledger',
    titles: [/收支预算(总)?表/, /收入支出预算(总)?表/, /收支总表/, /收支(总体)?情况表/, /^(部门|单位)?收支表$/],
    explain: { zh: '部门全部收入和支出的总账。左栏按来源列收入，右栏按功能（一般公共服务、社会保障和就业……）列支出。收入总计必须等于支出总计。', en: 'The department\'s whole budget: income by source on the left, spending by function on the right. Both totals must be equal.' },
  },
  {
    kind: 'income', family: 'budget', number: 2, zh: '部门收入预算表', en: 'Department income budget', layout: 'by-unit',
    titles: [/收入预算总?表/, /^(部门|单位)?收入(预算)?总表$/, /^(部门|单位)?收入(总体)?情况表$/],
    explain: { zh: '按单位列出各类收入：一般公共预算、政府性基金、事业收入等，以及上年结转结余。总计 = 本年收入合计 + 上年结转结余。', en: 'Income by unit and source, plus last year\'s balance. Grand total = this year\'s income + carry-over.' },
  },
  {
    kind: 'general-public-basic', family: 'budget', number: 6, zh: '一般公共预算基本支出预算表', en: 'General public budget basic expenditure', layout: 'by-economic',
    titles: [/一般公共预算基本支出/, /^(部门|单位)?基本支出(预算)?总?表$/, /基本支出(经济分类)?(预算)?表$/],
    explain: { zh: '基本支出按经济分类科目展开：人员经费（工资福利支出、对个人和家庭的补助）与公用经费（商品和服务支出、资本性支出）。', en: 'Basic spending by economic code: personnel costs and running costs.' },
  },
  {
    kind: 'general-public-expenditure', family: 'budget', number: 5, zh: '一般公共预算支出预算表', en: 'General public budget expenditure', layout: 'by-function',
    titles: [/一般公共预算(财政拨款)?(拨款)?支出(预算)?表(?!.*经济分类)/, /^财政拨款支出(预算)?表/],
    explain: { zh: '一般公共预算安排的支出，按功能科目（类/款/项）和基本/项目支出展开。资金全部来自一般公共预算时，它与部门支出预算表逐行相同。', en: 'General-budget spending by function code; identical to the expenditure table when all money is general budget.' },
  },
  {
    kind: 'economic-summary', family: 'budget', number: 7, zh: '支出经济分类汇总表', en: 'Expenditure by economic class', layout: 'by-economic',
    titles: [/经济分类汇总/, /支出经济分类/, /按?经济分类[)）]?$/, /经济分类(预算)?表/],
    explain: { zh: '全部支出（基本和项目）按经济分类科目汇总，并列出资金来源。合计应等于部门支出预算表的合计。', en: 'All spending (basic and project) by economic code, with funding sources; its total equals the expenditure table\'s.' },
  },
  {
    kind: 'three-public', family: 'budget', number: 8, zh: '一般公共预算“三公”经费预算表', en: '"Three public" expenses budget', layout: 'single-row',
    titles: [/三公/],
    explain: { zh: '“三公”经费 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费；公务用车购置及运行费 = 购置费 + 运行费。', en: '"Three public" = official travel abroad + official vehicles (purchase + running) + official hospitality.' },
  },
  {
    kind: 'gov-fund-expenditure', family: 'budget', number: 9, zh: '政府性基金预算支出预算表', en: 'Government fund expenditure budget', layout: 'by-function',
    titles: [/政府性基金/],
    explain: { zh: '政府性基金预算安排的支出；没有时表格为空并注明。', en: 'Spending from government funds; empty with a note when there is none.' },
  },
  {
    kind: 'state-capital-expenditure', family: 'budget', number: 10, zh: '国有资本经营预算支出预算表', en: 'State capital expenditure budget', layout: 'by-function',
    titles: [/国有资本经营/],
    explain: { zh: '国有资本经营预算安排的支出；没有时表格为空并注明。', en: 'Spending from the state-capital budget; empty with a note when there is none.' },
  },
  {
    kind: 'operating-cost', family: 'budget', number: 11, zh: '行政（事业）单位机构运转经费预算表', en: 'Institution operating costs', layout: 'by-economic',
    titles: [/机构运[转行]经费/, /机关运行经费/],
    explain: { zh: '保障机构日常运转购买货物和服务的钱（办公、印刷、差旅、会议、公务用车运行等），通常与公用经费相近。', en: 'Goods and services that keep the office running; close to, but defined slightly differently from, running costs.' },
  },
  {
    kind: 'projects', family: 'budget', number: 12, zh: '项目支出预算表', en: 'Project expenditure budget', layout: 'projects',
    titles: [/项目支出(预算)?总?表/],
    explain: { zh: '逐个列出项目及其资金来源。合计行 = 各项目之和；项目支出合计应等于部门支出预算表的项目支出。', en: 'Each project and its funding; the total equals the sum of projects and the project column of the expenditure table.' },
  },
  {
    kind: 'overall-performance', family: 'budget', number: 13, zh: '部门（单位）整体绩效目标表', en: 'Department overall performance targets', layout: 'key-value',
    titles: [/整体(支出)?绩效目标/],
    explain: { zh: '部门全年履职目标和预算情况：部门预算总额 = 资金来源之和 = 基本支出 + 项目支出，再列绩效指标。', en: 'The department\'s targets and budget: total = funding sources = basic + project spending, then indicators.' },
  },
  {
    kind: 'project-performance', family: 'budget', number: 14, zh: '部门预算项目绩效目标表', en: 'Project performance targets', layout: 'project-grid',
    titles: [/项目(支出)?绩效(目标)?表/, /项目绩效目标/, /绩效目标(汇总)?表/],
    explain: { zh: '每个项目的金额和绩效指标（成本、产出、效益、满意度）。成本指标的金额应与项目金额一致、单位正确。', en: 'Each project\'s amount and its indicators; the cost indicator should match the amount, in the right unit.' },
  },
  {
    kind: 'expenditure', family: 'budget', number: 3, zh: '部门支出预算表', en: 'Department expenditure budget', layout: 'by-function',
    titles: [/支出预算表/, /支出预算总表/, /^(部门|单位)?支出总表$/, /^(部门|单位)?支出(总体)?情况表$/],
    explain: { zh: '全部支出按功能科目（类/款/项）展开，分基本支出（人员经费、公用经费）和项目支出。每行：合计 = 基本支出 + 项目支出。', en: 'All spending by function code, split into basic (personnel, running costs) and project spending. Each row: total = basic + project.' },
  },
];

const BY_KIND = new Map(TABLE_KINDS.map((k) => [k.kind, k]));

export function kindInfo(kind: TableKind): TableKindInfo {
  return BY_KIND.get(kind)!;
}

/** The title with year, numbering, sheet labels and decorations removed, for matching. */
export function titleCore(title: string): string {
  return title
    .replace(/\s+/g, '')
    .replace(/^附件\d*[:：]?/, '')
    .replace(/^(预算|决算)?\d{1,2}表/, '')
    .replace(/^[一二三四五六七八九十]+[、.．]/, '')
    .replace(/^[(（]?\d{4}年?度?[)）]?/, '')
    .replace(/[“”"'‘’]/g, '')
    .replace(/[（(]\d{4}年?度?[)）]$/, '');
}

/** Classify by title; undefined when the title names no standard table. */
export function kindFromTitle(title: string): TableKind | undefined {
  const core = titleCore(title);
  if (!/表/.test(core)) return undefined;
  if (/说明|情况$/.test(core) && !/表$/.test(core)) return undefined;
  for (const k of TABLE_KINDS) {
    if (k.titles.some((re) => re.test(core))) return k.kind;
  }
  return undefined;
}

export function isFinal(kind: TableKind): kind is FinalTableKind {
  return kind.startsWith('final.');
}
