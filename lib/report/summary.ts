import { functionClassName } from '../codes/functional';
import { kindInfo, TABLE_KINDS, type TableKind } from '../recognize/catalog';
import type { BudgetDoc, Claim, Row, Table } from '../recognize/model';
import type { Amount } from '../money/amount';
import { format } from '../money/decimal';
import type { MoneyUnit } from '../money/units';

/** One headline figure: its name, the value as printed, and where it was read. */
interface KeyFigure {
  name: string;
  en: string;
  /** Normalised (`883.50`); `printed` keeps the document's own string when it differs (`883. 50`). */
  value: string;
  printed?: string;
  unit: MoneyUnit;
  source: string;
  page?: number;
}

interface InventoryEntry {
  number?: number;
  title: string;
  kind?: TableKind;
  present: boolean;
  /** Listed in the document's own 目录. */
  listed: boolean;
  page?: number;
}

/** A 决算 figure beside its 年初预算 (from the narrative's item list or the 三公 table). */
interface BudgetFinal {
  name: string;
  budget: string;
  final: string;
  unit: MoneyUnit;
  page?: number;
}

interface DocSummary {
  /** The department; `多个部门（n 个）` for a booklet whose tables name several. */
  organization?: string;
  /** The departments the tables name, when there are several. */
  organizations?: string[];
  year?: number;
  kind: BudgetDoc['kind'];
  unit?: MoneyUnit;
  totals: KeyFigure[];
  byFunction: KeyFigure[];
  threePublic: KeyFigure[];
  inventory: InventoryEntry[];
  budgetVsFinal: BudgetFinal[];
}

const first = (doc: BudgetDoc, ...kinds: TableKind[]): Table | undefined => {
  for (const k of kinds) {
    const t = doc.tables.find((x) => x.kind === k);
    if (t) return t;
  }
  return undefined;
};

/**
 * A headline amount shown without the source's slips of layout (`883. 50`, `883 50`, `883.50万元` → `883.50`);
 * unchanged when it was read as printed. Findings keep quoting the printed string.
 */
function shownAmount(a: Amount, text = a.raw): string {
  if (!a.repair) return text.trim();
  return format({ u: a.units, e: -a.decimals }, a.decimals, a.raw.includes(','));
}

function figure(name: string, en: string, amount: Amount, text: string, unit: MoneyUnit, source: string, page: number | undefined): KeyFigure {
  const k: KeyFigure = { name, en, value: shownAmount(amount, text), unit, source };
  if (k.value !== text.trim()) k.printed = text.trim();
  if (page !== undefined) k.page = page;
  return k;
}

function fig(name: string, en: string, t: Table | undefined, row: Row | undefined, col: string): KeyFigure | undefined {
  const c = row?.values[col];
  if (!t || !c?.amount?.printed) return undefined;
  return figure(name, en, c.amount, c.text, c.amount.unit ?? t.unit, t.title || (t.kind !== 'unknown' ? kindInfo(t.kind).zh : ''), c.page);
}

function claimFig(name: string, en: string, c: Claim | undefined): KeyFigure | undefined {
  if (!c?.value) return undefined;
  return figure(name, en, c.value, c.value.raw, c.unit ?? '万元', '情况说明', c.source.page);
}

/** Placeholder names of blank templates (上海市XX局, 洛阳市 XXXX 局) name no department. */
const PLACEHOLDER = /[XＸ×]{2,}|某/i;
/** The label before a department's name on a table (`编制单位：`, `部门：`) and a leading code (`341-`). */
const LABEL = /^(?:(?:编制)?(?:部门|单位)(?:名称)?[:：]\s*|\d{3,}[-—])/;
const orgKey = (s: string) => s.replace(LABEL, '').replace(/^\d+[-—]/, '').replace(/\s+/g, '');

/**
 * The departments named over the tables, when there are several (a booklet of many departments' budgets).
 * A unit's own tables (`X（本级）`) belong to its department `X`, and a name read cut short is not another.
 */
export function departmentsOf(doc: BudgetDoc): string[] {
  const names = new Map<string, string>();
  for (const t of doc.tables) {
    if (!t.org || PLACEHOLDER.test(t.org)) continue;
    const k = orgKey(t.org);
    if (k && !names.has(k)) names.set(k, t.org.trim());
  }
  const keys = [...names.keys()];
  // `X（本级）` is X's own tables; a name cut by a line break (`常委会办公厅`) is part of another.
  const own = keys.filter((k) => !keys.some((o) => o !== k && (k.startsWith(o) || o.includes(k))));
  return own.length > 1 ? own.map((k) => names.get(k)!) : [];
}

const ledger = (t: Table | undefined, key: string) => t?.rows.find((r) => r.key === key);
const totalRow = (t: Table | undefined) => t?.rows.find((r) => r.kind === 'total');
const claim = (doc: BudgetDoc, key: string) => doc.claims.find((c) => c.key === key && c.value);

/** The money at a glance: totals, spending by function, 三公, and the table inventory against the 目录. */
export function summarize(doc: BudgetDoc): DocSummary {
  const t1 = first(doc, 'income-expenditure', 'final.income-expenditure');
  const exp = first(doc, 'expenditure', 'final.expenditure', 'general-public-expenditure', 'final.general-public-expenditure');
  const basic = first(doc, 'general-public-basic', 'final.general-public-basic');
  const t8 = first(doc, 'three-public', 'final.three-public');
  const overall = first(doc, 'overall-performance');
  const totals = [
    fig('收入总计', 'Total income', t1, ledger(t1, 'income.grand'), 'income.amount') ?? claimFig('收入总计', 'Total income', claim(doc, 'income.grand')),
    fig('支出总计', 'Total expenditure', t1, ledger(t1, 'exp.grand'), 'exp.amount') ?? claimFig('支出总计', 'Total expenditure', claim(doc, 'exp.grand')),
    fig('本年收入合计', 'Income this year', t1, ledger(t1, 'income.total'), 'income.amount'),
    fig('本年支出合计', 'Spending this year', t1, ledger(t1, 'exp.total'), 'exp.amount'),
    fig('一般公共预算', 'General public budget', t1, ledger(t1, 'income.gp'), 'income.amount') ?? claimFig('一般公共预算', 'General public budget', claim(doc, 'income.gp')),
    fig('上年结转结余', 'Carried over', t1, ledger(t1, 'income.carry'), 'income.amount'),
    fig('基本支出', 'Basic expenditure', exp, totalRow(exp), 'basic.total') ?? claimFig('基本支出', 'Basic expenditure', claim(doc, 'exp.basic')),
    fig('人员经费', 'Personnel costs', basic, totalRow(basic), 'personnel') ?? fig('人员经费', 'Personnel costs', basic, ledger(basic, 'personnel.total'), 'total') ?? claimFig('人员经费', 'Personnel costs', claim(doc, 'basic.personnel')),
    fig('公用经费', 'Running costs', basic, totalRow(basic), 'public') ?? fig('公用经费', 'Running costs', basic, ledger(basic, 'public.total'), 'total') ?? claimFig('公用经费', 'Running costs', claim(doc, 'basic.public')),
    fig('项目支出', 'Project expenditure', exp, totalRow(exp), 'project.total') ?? claimFig('项目支出', 'Project expenditure', claim(doc, 'exp.project')),
    overall?.rows[0] ? fig('部门预算总额', 'Department budget', overall, overall.rows[0], 'total') : undefined,
  ].filter((x): x is KeyFigure => !!x);

  const byFunction: KeyFigure[] = [];
  if (t1) {
    for (const r of t1.rows) {
      if (!r.key?.startsWith('fn:')) continue;
      const c = r.values['exp.amount'];
      if (!c?.amount?.printed || c.amount.units === 0) continue;
      const code = r.key.slice(3);
      byFunction.push(figure(`${code} ${functionClassName(code) ?? r.label}`, code, c.amount, c.text, t1.unit, t1.title, c.page));
    }
  }
  const tp = t8?.rows.find((r) => Object.values(r.values).some((c) => c.amount?.printed)) ?? t8?.rows[0];
  const prefix = t8?.columns.some((c) => c.key?.startsWith('final.')) ? 'final.' : '';
  const threePublic = [
    ['total', '“三公”经费', '"Three public" total', 'threePublic.total'],
    ['abroad', '因公出国（境）费', 'Travel abroad', 'threePublic.abroad'],
    ['vehicle', '公务用车购置及运行费', 'Official vehicles', 'threePublic.vehicle'],
    ['vehicle.purchase', '公务用车购置费', 'Vehicle purchase', 'threePublic.vehicle.purchase'],
    ['vehicle.run', '公务用车运行费', 'Vehicle running', 'threePublic.vehicle.run'],
    ['reception', '公务接待费', 'Official hospitality', 'threePublic.reception'],
  ]
    .map(([col, zh, en, ck]) => fig(zh!, en!, t8, tp, prefix + col!) ?? claimFig(zh!, en!, claim(doc, ck!)))
    .filter((x): x is KeyFigure => !!x);

  // Inventory: the document's own 目录 if it has one, else the standard list of its family.
  const inventory: InventoryEntry[] = [];
  const present = new Set(doc.tables.map((t) => t.kind));
  if (doc.toc.length) {
    for (const e of doc.toc) {
      const entry: InventoryEntry = { title: e.title, present: e.kind ? present.has(e.kind) : false, listed: true };
      if (e.number !== undefined) entry.number = e.number;
      if (e.kind) entry.kind = e.kind;
      const t = doc.tables.find((x) => x.kind === e.kind);
      if (t?.page !== undefined) entry.page = t.page;
      inventory.push(entry);
    }
  } else if (doc.isBudget) {
    const family = doc.kind === 'final-accounts' ? 'final' : 'budget';
    for (const k of TABLE_KINDS.filter((x) => x.family === family).sort((a, b) => a.number - b.number)) {
      if (doc.kind === 'performance-targets' && !['overall-performance', 'project-performance'].includes(k.kind)) continue;
      const t = doc.tables.find((x) => x.kind === k.kind);
      const entry: InventoryEntry = { number: k.number, title: k.zh, kind: k.kind, present: !!t, listed: false };
      if (t?.page !== undefined) entry.page = t.page;
      inventory.push(entry);
    }
  }
  // 决算: what was planned beside what was spent — the whole, the 三公 items, each 项 the text walks through.
  const budgetVsFinal: BudgetFinal[] = [];
  if (doc.kind === 'final-accounts') {
    for (const c of doc.claims) {
      if (!c.budget || !c.value || !['gp.exec', 'gp.item', 'threePublic.total'].includes(c.key)) continue;
      if (budgetVsFinal.some((b) => b.name === c.label)) continue;
      const b: BudgetFinal = { name: c.label.replace(/（项）$/, ''), budget: c.budget.raw, final: c.value.raw, unit: c.unit ?? '万元' };
      if (c.source.page !== undefined) b.page = c.source.page;
      budgetVsFinal.push(b);
    }
  }
  const out: DocSummary = { kind: doc.kind, totals, byFunction, threePublic, inventory, budgetVsFinal };
  const departments = departmentsOf(doc);
  if (departments.length) {
    out.organization = `多个部门（${departments.length} 个）`;
    out.organizations = departments;
  } else if (doc.organization) out.organization = doc.organization.replace(LABEL, '').trim() || doc.organization;
  if (doc.year) out.year = doc.year;
  if (doc.unit) out.unit = doc.unit;
  return out;
}
