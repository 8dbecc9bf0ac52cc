import type { TableKind } from './catalog';

/**
 * Canonical column keys. A header path (top-to-bottom header texts of a column) is matched against the
 * kind's rules in order; the first rule whose `last` matches the bottom text and whose `within` patterns
 * each match some text of the path wins. Keys are unique within a table.
 */
interface ColumnRule {
  key: string;
  last?: RegExp;
  within?: RegExp[];
  without?: RegExp;
}

const r = (key: string, last?: RegExp, within: RegExp[] = [], without?: RegExp): ColumnRule => ({ key, last, within, without });

const CODE_RULES: ColumnRule[] = [
  r('code.class', /^类$/),
  r('code.kuan', /^款$/),
  r('code.item', /^项$/),
  r('unitCode', /单位代码|单位编码|部门\(单位\)代码|^代码$/),
  r('code', /编码$|编号$|^科目代码$/),
  r('name', /名称|^项目$|^科目$/),
];

/**
 * A column that restates part of another (其中：…, 扣除基建项目后…): money, but never a part of a sum.
 * Keys memo, memo#2 … keep them apart from columns nobody recognised.
 */
const MEMO = /^其中|^扣除|后预算数$|^含|政府采购/;

const BY_FUNCTION: ColumnRule[] = [
  ...CODE_RULES,
  r('basic.total', /^(小计|合计|总数|基本支出总数)$/, [/基本支出/]),
  r('basic.wages', /工资福利/),
  r('basic.transfers', /对个人和家庭/),
  r('basic.goods', /商品和服务/),
  r('basic.capital', /资本性支出/),
  r('basic.personnel', /^人员经费$/),
  r('basic.public', /^(日常)?公用经费$/),
  r('project.total', /^(小计|合计|总数|项目支出总数)$/, [/项目支出/]),
  r('project.operating', /运转类/),
  r('project.specific', /特定目标类/),
  r('basic.total', /^基本支出$/),
  r('project.total', /^项目支出$/),
  r('remitUpper', /上缴上级/),
  r('operatingExp', /经营支出/),
  r('affiliateSubsidy', /对附属单位补助/),
  // 收入决算表 columns
  r('income.total', /本年收入合计|^收入合计$/),
  r('fiscal', /^财政拨款(收入)?$/),
  r('upper', /上级补助/),
  r('business', /^事业收入$/),
  r('operating', /^(事业单位)?经营收入$/),
  r('affiliate', /附属单位上缴/),
  r('other', /^其他收入$/),
  // 政府性基金/国有资本 决算 columns
  r('opening', /年初结转和?结余/),
  r('closing', /年末结转和?结余/),
  r('exp.total', /^小计$|^合计$/, [/本年支出/]),
  r('exp.basic', /基本支出/, [/本年支出/]),
  r('exp.project', /项目支出/, [/本年支出/]),
  r('income.year', /^本年收入$/),
  r('total', /^(本年支出合计|合计|总计|支出合计|支出总计)$/),
];

const LEDGER: ColumnRule[] = [
  r('income.item', /项目|科目/, [/收入/]),
  r('exp.item', /项目|科目/, [/支出/]),
  r('income.amount', /金额|决算数|预算数|^数$|^本年预算$/, [/收入/]),
  r('exp.gp.fiscal', /其中.?财政拨款/, [/支出/]),
  r('exp.gp', /^小计$/, [/一般公共预算/]),
  r('exp.gp', /一般公共预算/, [/支出/]),
  r('exp.fund', /政府性基金/, [/支出/]),
  r('exp.capital', /国有资本经营/, [/支出/]),
  r('exp.amount', /金额|决算数|预算数|^本年预算$/, [/支出/]),
  r('exp.total', /^合计$/, [/支出/]),
  r('income.amount', /金额|决算数|预算数/),
];

const BY_UNIT: ColumnRule[] = [
  r('unitCode', /代码|编码/),
  r('name', /名称/),
  r('grandTotal', /^总计$/),
  r('carry.total', /^合计$/, [/上年结转|结转结余/]),
  r('carry.gp', /一般公共预算/, [/上年结转|结转结余/]),
  r('carry.fund', /政府性基金/, [/上年结转|结转结余/]),
  r('carry.capital', /国有资本/, [/上年结转|结转结余/]),
  r('carry.special', /财政专户/, [/上年结转|结转结余/]),
  r('carry.unit', /单位资金/, [/上年结转|结转结余/]),
  r('income.total', /^合计$/, [/本年收入/]),
  r('gp.fiscal', /其中.?财政拨款|^财政拨款$/),
  r('gp', /^小计$/, [/一般公共预算/]),
  r('gp', /一般公共预算/),
  r('fund', /政府性基金/),
  r('capital', /国有资本/),
  r('special', /财政专户/),
  r('business', /^事业收入$/),
  r('operating', /经营收入/),
  r('upper', /上级补助/),
  r('affiliate', /附属单位上缴/),
  r('other', /^其他收入$/),
  r('grandTotal', /^合计$/),
];

const BY_ECONOMIC: ColumnRule[] = [
  r('econ.class', /^类$/, [/部门/]),
  r('econ.item', /^款$/, [/部门/]),
  r('econ.code', /编码|代码/, [/部门/]),
  r('econ.name', /名称/, [/部门/]),
  r('gov.class', /^类$/, [/政府/]),
  r('gov.item', /^款$/, [/政府/]),
  r('gov.code', /编码|代码/, [/政府/]),
  r('gov.name', /名称/, [/政府/]),
  r('econ.code', /编码|代码/),
  r('econ.name', /名称|^项目$/),
  r('personnel', /人员经费/),
  r('public', /公用经费/),
  r('gp.fiscal', /其中.?财政拨款/),
  r('gp', /^小计$/, [/一般公共预算/]),
  r('gp', /一般公共预算/, [], /基本支出/),
  r('fund', /政府性基金/),
  r('capital', /国有资本/),
  r('carry', /上年结转/),
  r('special', /财政专户/),
  r('business', /^事业收入$/),
  r('upper', /上级补助/),
  r('affiliate', /附属单位上缴/),
  r('operating', /经营收入/),
  r('other', /^其他收入$/),
  r('total', /^(合计|总计|决算数|金额)$/),
];

const OPERATING_COST: ColumnRule[] = [
  r('unitCode', /单位代码|代码/),
  r('name', /名称/),
  r('category', /项目类别/),
  r('total', /^合计$/),
];

const THREE_PUBLIC: ColumnRule[] = [
  r('vehicle', /^小计$/, [/公务用车购置及运行/]),
  r('vehicle', /公务用车购置及运行/),
  r('vehicle.purchase', /购置费$/, [/公务用车/]),
  r('vehicle.run', /运行(维护)?费$/, [/公务用车/]),
  r('abroad', /因公出国/),
  r('reception', /公务接待/),
  r('meeting', /^会议费$/),
  r('training', /^培训费$/),
  r('total', /合计|^三公经费$/),
];

const PROJECTS: ColumnRule[] = [
  r('unitCode', /代码|编码/),
  r('type', /类型|类别|分类/),
  r('name', /项目\)?名称|^项目$/),
  r('unitName', /项目单位|单位名称/),
  r('total', /^合计$/),
  r('carry.gp', /一般公共预算/, [/结转|结余/]),
  r('carry.fund', /政府性基金/, [/结转|结余/]),
  r('carry.capital', /国有资本/, [/结转|结余/]),
  r('cur.gp', /一般公共预算/),
  r('cur.fund', /政府性基金/),
  r('cur.capital', /国有资本/),
  r('special', /财政专户/),
  r('unitFunds', /单位资金/),
];

const PROJECT_GRID: ColumnRule[] = [
  r('code', /编码|代码/),
  r('name', /名称|项目单位/),
  r('type', /项目分类|项目类型|类型/),
  r('total', /资金总额|^合计$/),
  r('gov', /政府预算资金|财政拨款/),
  r('special', /财政专户/),
  r('unitFunds', /单位资金/),
  r('cost.name', /三级指标|指标名称|^指标$/, [/成本指标/]),
  r('cost.value', /指标值/, [/成本指标/]),
  r('output.name', /三级指标|指标名称|^指标$/, [/产出指标/]),
  r('output.value', /指标值/, [/产出指标/]),
  r('effect.name', /三级指标|指标名称|^指标$/, [/效益指标/]),
  r('effect.value', /指标值/, [/效益指标/]),
  r('satisfaction.name', /三级指标|指标名称|^指标$/, [/满意度指标/]),
  r('satisfaction.value', /指标值/, [/满意度指标/]),
];

const RULES_BY_KIND: Partial<Record<TableKind, ColumnRule[]>> = {
  'income-expenditure': LEDGER,
  'fiscal-income-expenditure': LEDGER,
  'final.income-expenditure': LEDGER,
  'final.fiscal-income-expenditure': LEDGER,
  income: BY_UNIT,
  expenditure: BY_FUNCTION,
  'general-public-expenditure': BY_FUNCTION,
  'gov-fund-expenditure': BY_FUNCTION,
  'state-capital-expenditure': BY_FUNCTION,
  'final.income': BY_FUNCTION,
  'final.expenditure': BY_FUNCTION,
  'final.general-public-expenditure': BY_FUNCTION,
  'final.gov-fund': BY_FUNCTION,
  'final.state-capital': BY_FUNCTION,
  'general-public-basic': BY_ECONOMIC,
  'final.general-public-basic': BY_ECONOMIC,
  'economic-summary': BY_ECONOMIC,
  'operating-cost': OPERATING_COST,
  'three-public': THREE_PUBLIC,
  'final.three-public': THREE_PUBLIC,
  projects: PROJECTS,
  'project-performance': PROJECT_GRID,
};

/** Map each column's header path (already label-keyed) to a canonical key, or null. */
export function mapColumns(kind: TableKind | undefined, paths: readonly string[][]): (string | null)[] {
  const rules = kind ? RULES_BY_KIND[kind] : undefined;
  if (rules === THREE_PUBLIC && paths.some((p) => p.some((x) => /预算数|决算数/.test(x)))) return mapBudgetFinalPairs(paths);
  const keys = mapWith(rules, paths);
  let memo = 0;
  paths.forEach((p, j) => {
    if (keys[j] === null && p.some((x) => MEMO.test(x))) keys[j] = ++memo === 1 ? 'memo' : `memo#${memo}`;
  });
  if (rules === LEDGER) {
    sideFromItemColumn(keys, paths);
    // The all-money ledger whose spending side is split (合计 | 基本支出 | 项目支出): its amount is the 合计.
    const fiscal = kind === 'fiscal-income-expenditure' || kind === 'final.fiscal-income-expenditure';
    const total = keys.indexOf('exp.total');
    if (!fiscal && total >= 0) {
      const amount = keys.indexOf('exp.amount');
      if (amount >= 0) keys[amount] = null;
      keys[total] = 'exp.amount';
    }
  }
  // One merged 科目编码 header over two or three columns: the code printed in parts.
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j];
    if (k !== 'code' && k !== 'econ.code') continue;
    const same = (i: number) => i < paths.length && paths[i]!.join('/') === paths[j]!.join('/') && keys[i] === null;
    const run = [j];
    while (same(run[run.length - 1]! + 1) && run.length < 3) run.push(run[run.length - 1]! + 1);
    if (run.length < 2) continue;
    const names = k === 'code' ? ['code.class', 'code.kuan', 'code.item'] : ['econ.class', 'econ.item'];
    run.forEach((i, n) => (keys[i] = names[n] ?? null));
  }
  return keys;
}

/**
 * A ledger printed without merged 收入 / 支出 cells over its halves: an amount column belongs to the side
 * of the item column to its left.
 */
function sideFromItemColumn(keys: (string | null)[], paths: readonly string[][]): void {
  let side: 'income' | 'exp' | undefined;
  keys.forEach((k, j) => {
    if (k === 'income.item' || k === 'exp.item') side = k === 'income.item' ? 'income' : 'exp';
    const last = paths[j]?.[paths[j]!.length - 1] ?? '';
    if (k || !side || !/金额|决算数|预算数/.test(last)) return;
    const key = `${side}.amount`;
    if (!keys.includes(key)) keys[j] = key;
  });
}

/** The 决算 三公 table: each item twice, as 预算数 and 决算数. */
function mapBudgetFinalPairs(paths: readonly string[][]): (string | null)[] {
  const used = new Set<string>();
  return paths.map((path) => {
    const prefix = path.some((p) => /决算数/.test(p)) ? 'final.' : path.some((p) => /预算数/.test(p)) ? 'budget.' : '';
    const stripped = path.filter((p) => !/预算数|决算数/.test(p));
    const [base] = mapWith(THREE_PUBLIC, [stripped.length ? stripped.filter((p) => !/^财政拨款"?三公"?经费$/.test(p)) : path]);
    if (!base || !prefix) return null;
    const key = prefix + base;
    if (used.has(key)) return null;
    used.add(key);
    return key;
  });
}

function mapWith(rules: ColumnRule[] | undefined, paths: readonly string[][]): (string | null)[] {
  const used = new Set<string>();
  return paths.map((path) => {
    if (!rules || path.length === 0) return null;
    // A label wrapped over two header rows of its own (财政专户 / 管理资金) reads as one when the bottom alone fails.
    const lasts = [path[path.length - 1]!];
    // …but not when the text above is a group header shared with other columns (预算数 over 合计 | 项目支出).
    const above = path[path.length - 2];
    const depth = path.length - 2;
    if (above !== undefined && paths.filter((p) => p[depth] === above).length === 1) lasts.push(above + path[path.length - 1]!);
    for (const last of lasts) {
      for (const rule of rules) {
        if (used.has(rule.key)) continue;
        if (rule.last && !rule.last.test(last)) continue;
        if (rule.within && !rule.within.every((re) => path.some((p) => re.test(p)))) continue;
        if (rule.without && path.some((p) => rule.without!.test(p))) continue;
        used.add(rule.key);
        return rule.key;
      }
    }
    return null;
  });
}

/** Keys of columns that hold money (everything except codes, names, types and indicator texts). */
export function isMoneyKey(key: string | null): boolean {
  if (!key) return false;
  return !/^(code|unitCode|name|unitName|type|category|income\.item|exp\.item|econ\.(class|item|code|name)|gov\.(class|item|code|name)|(cost|output|effect|satisfaction)\.(name|value))/.test(key);
}
