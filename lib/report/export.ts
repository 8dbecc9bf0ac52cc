import type { Analysis } from '../analyze';
import { kindInfo } from '../recognize/catalog';
import { tableLabel } from '../recognize/document';
import type { Cell, Table } from '../recognize/model';
import { ruleById } from '../rules/registry';
import type { Evidence, Finding } from '../rules/types';
import { REPORT_SCHEMA_VERSION, type ExportFinding, type Report } from './schema';
import { cleanDeep } from './clean-text';
import { summarize } from './summary';
import { verdict } from './verdict';

const TOOL = 'BudgetLens 0.1.0';

/** Row labels can be whole paragraphs (整体绩效目标表): a location needs only their start. */
function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 38)}…` : s;
}

function rowOf(table: Table, cell: Cell): string | undefined {
  for (const r of table.rows) {
    if (r.cells.includes(cell) || Object.values(r.values).includes(cell) || Object.values(r.texts).includes(cell)) return short(r.label) || r.code || undefined;
  }
  return undefined;
}

function columnOf(table: Table, cell: Cell): string | undefined {
  const col = table.columns[cell.gridCol];
  return col?.path.length ? col.path.join('/') : undefined;
}

function cited(e: Evidence): ExportFinding['cells'][number] | undefined {
  if (e.kind !== 'cell') return undefined;
  const c: ExportFinding['cells'][number] = { table: tableLabel(e.table), tableKind: e.table.kind, text: e.cell.text, role: e.role };
  const row = rowOf(e.table, e.cell);
  const col = columnOf(e.table, e.cell);
  if (row) c.row = row;
  if (col) c.column = col;
  const page = e.cell.page ?? e.table.page;
  if (page !== undefined) c.page = page;
  return c;
}

function exportFinding(f: Finding): ExportFinding {
  const rule = ruleById(f.rule);
  const cells = f.evidence.map(cited).filter((x): x is NonNullable<typeof x> => !!x);
  const sentences = f.evidence.flatMap((e) => (e.kind === 'claim' ? [{ quote: e.claim.source.quote, ...(e.claim.source.page !== undefined ? { page: e.claim.source.page } : {}) }] : []));
  const tableEv = f.evidence.find((e) => e.kind === 'cell' || e.kind === 'table');
  const out: ExportFinding = {
    rule: f.rule,
    // A heading says what is wrong (errors, warnings); a note keeps the neutral name of the check.
    ruleTitle: (f.severity === 'info' ? rule?.title : rule?.problem) ?? { zh: f.rule, en: f.rule },
    severity: f.severity,
    message: f.message.zh,
    messageEn: f.message.en,
    values: f.values,
    cells,
    sentences,
  };
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.printed !== undefined) out.printed = f.printed;
  if (f.difference !== undefined) out.difference = f.difference;
  if (f.page !== undefined) out.page = f.page;
  if (tableEv && (tableEv.kind === 'cell' || tableEv.kind === 'table')) out.table = tableLabel(tableEv.table);
  const firstCell = cells.find((c) => c.role === 'printed') ?? cells[0];
  if (firstCell?.row) out.row = firstCell.row;
  if (firstCell?.column) out.column = firstCell.column;
  return out;
}

/**
 * A standard table whose rows could not be read (none came out, and no note says it is empty on purpose):
 * the rules that need it did not run. Key–value tables (整体绩效目标表) carry fields instead of rows.
 */
function unread(t: Table): boolean {
  return t.kind !== 'unknown' && t.rows.length === 0 && !t.declaredEmpty && !t.fields && !t.indicators?.length && !t.projects?.length;
}

/** The serialisable report of one analysis (the --json output). */
export function toReport(a: Analysis): Report {
  const doc = a.doc;
  const s = summarize(doc);
  const totals: Record<string, string> = {};
  for (const k of [...s.totals, ...s.threePublic]) totals[k.name] = k.value;
  for (const k of s.byFunction) totals[k.name.replace(/^\d{3}\s*/, '')] = k.value;
  const counts = { error: 0, warning: 0, info: 0, passed: a.passes.length };
  for (const f of a.findings) counts[f.severity]++;
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: TOOL,
    source: doc.source,
    isBudget: doc.isBudget,
    kind: doc.kind,
    year: doc.year ?? null,
    organization: s.organization ?? null,
    unit: doc.unit ?? null,
    tables: doc.isBudget
      ? doc.tables.map((t) => ({
          kind: t.kind,
          title: t.title || (t.kind !== 'unknown' ? kindInfo(t.kind).zh : ''),
          ...(t.page !== undefined ? { page: t.page } : {}),
          ...(t.pageEnd !== undefined && t.pageEnd !== t.page ? { pageEnd: t.pageEnd } : {}),
          rows: t.rows.length,
          columns: t.columns.length,
          unit: t.unit,
          parts: t.parts,
          ...(unread(t) ? { unread: true } : {}),
        }))
      : [],
    totals: doc.isBudget ? totals : {},
    keyFigures: doc.isBudget ? s.totals : [],
    byFunction: doc.isBudget ? s.byFunction : [],
    threePublic: doc.isBudget ? s.threePublic : [],
    inventory: doc.isBudget ? s.inventory : [],
    budgetVsFinal: doc.isBudget ? s.budgetVsFinal : [],
    counts,
    findings: a.findings.map(exportFinding),
    warnings: doc.warnings.map((w) => ({ code: w.code, message: w.message, ...(w.page !== undefined ? { page: w.page } : {}) })),
  };
  if (doc.pageCount !== undefined) report.pages = doc.pageCount;
  if (s.organizations) report.organizations = s.organizations;
  if (doc.isBudget && doc.isTemplate) report.isTemplate = true;
  const v = verdict(report);
  report.verdict = { mark: v.mark, complete: v.complete, zh: v.zh, en: v.en };
  // Every exported string comes from the document: no terminal escapes, no bidi overrides (clean-text.ts).
  return cleanDeep(report);
}
