import { functionClassByName } from '../codes/functional';

/**
 * Row meanings in the two-column ledgers (部门收支预算表, 财政拨款收支预算表 and their 决算 twins). The same label
 * means different things depending on the section it sits in (（一）一般公共预算拨款 under 本年收入 or under
 * 上年结转), so rows are read in order with a section state.
 */
export type LedgerSection = 'year' | 'carry';

const norm = (s: string) => s.replace(/\s+/g, '').replace(/[（(][一二三四五六七八九十\d]+[）)]/, '').replace(/^(?:[一二三四五六七八九十]+|\d{1,2})[、.．](?!\d)/, '').replace(/[:：]$/, '');

export function incomeRowKey(label: string, section: LedgerSection): { key?: string; section: LedgerSection } {
  const raw = label.replace(/\s+/g, '');
  const t = norm(label);
  if (!t) return { section };
  if (/^本年收入合计$|^本年收入$/.test(t)) return { key: 'income.total', section: 'year' };
  if (/^(收入总计|收入合计|总计|合计)$/.test(t)) return { key: 'income.grand', section };
  if (/^(上年|年初)(结转|结余)|^上年.{0,12}结转|^年初.*结转|^结转结余$|^上年结转结余/.test(t)) return { key: 'income.carry', section: 'carry' };
  if (section === 'carry' && /^非财政拨款(结余|结转)/.test(t)) return { key: 'income.carry.nonFiscal', section };
  if (/使用非财政拨款结余/.test(t)) return { key: 'income.nonFiscalSurplus', section };
  if (/用事业基金弥补/.test(t)) return { key: 'income.useFund', section };
  const prefix = section === 'carry' ? 'income.carry.' : 'income.';
  if (/^其中[:：]?财政拨款/.test(raw)) return { key: prefix + 'gp.fiscal', section };
  if (/^一般公共预算/.test(t)) return { key: prefix + 'gp', section };
  if (/^政府性基金/.test(t)) return { key: prefix + 'fund', section };
  if (/^国有资本经营/.test(t)) return { key: prefix + 'capital', section };
  if (/^财政专户/.test(t)) return { key: prefix + 'special', section };
  if (/^事业单位经营(服务)?收入/.test(t)) return { key: 'income.operating', section };
  if (/^事业收入/.test(t)) return { key: 'income.business', section };
  if (/经营收入/.test(t)) return { key: 'income.operating', section };
  if (/^上级补助/.test(t)) return { key: 'income.upper', section };
  if (/^附属单位上缴/.test(t)) return { key: 'income.affiliate', section };
  if (/^其[他它]收入/.test(t)) return { key: 'income.other', section };
  if (/^单位资金/.test(t)) return { key: prefix + 'unitFunds', section };
  if (/^(本级)?财政拨款/.test(t)) return { key: prefix + 'fiscal', section };
  return { section };
}

const STRUCTURE: [RegExp, string][] = [
  [/^基本支出$/, 'exp.basic'],
  [/^项目支出$/, 'exp.project'],
  [/^事业单位经营支出$|^经营支出$/, 'exp.operating'],
  [/^对附属单位补助支出$/, 'exp.affiliate'],
  [/^上缴上级支出$/, 'exp.remit'],
];

/** Rows of a ledger's spending side that split it by kind rather than by function. */
export const STRUCTURE_KEYS = STRUCTURE.map(([, k]) => k);

export function expenditureRowKey(label: string): { key?: string; legacy?: boolean } {
  const t = norm(label);
  if (!t) return {};
  if (/^本年支出合计$|^本年支出$/.test(t)) return { key: 'exp.total' };
  if (/^(支出总计|支出合计|总计|合计)$/.test(t)) return { key: 'exp.grand' };
  if (/年终结转|年末.*结转|年末结余|结转下年/.test(t)) return { key: 'exp.carry' };
  if (/^结余分配/.test(t)) return { key: 'exp.distribution' };
  // Ledgers that list spending by kind (Hunan): 基本支出, 项目支出, 经营支出 …
  const byKind = STRUCTURE.find(([re]) => re.test(t));
  if (byKind) return { key: byKind[1] };
  const fn = functionClassByName(label);
  if (fn) return { key: `fn:${fn.code}`, legacy: fn.legacy };
  return {};
}

/** The income-side label a lost label can be inferred from, when only the expenditure side kept it. */
export function mirrorIncomeKey(expKey: string): string | undefined {
  return { 'exp.total': 'income.total', 'exp.carry': 'income.carry', 'exp.grand': 'income.grand' }[expKey];
}
