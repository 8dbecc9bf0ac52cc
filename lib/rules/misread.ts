import { tableLabel } from '../recognize/document';
import type { Table } from '../recognize/model';
import type { Finding, Pass } from './types';

/**
 * A relation that fails on most rows of a table says more about our reading of the table than about the
 * document: a column taken for another, a hierarchy misread. Such failures are withdrawn and replaced by one
 * note that the table could not be checked reliably, and why. A relation counts per rule and per set of
 * tables it involves; exact agreements (passes) and rounding notes count as rows that held.
 */
const MIN_FAILURES = 2;

function tablesOf(f: Finding): Table[] {
  const out: Table[] = [];
  for (const e of f.evidence) {
    const t = e.kind === 'cell' || e.kind === 'table' ? e.table : undefined;
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

function groupKey(rule: string, tableIds: Iterable<string>): string {
  return `${rule}|${[...new Set(tableIds)].sort().join(',')}`;
}

export function collapseMisreadTables(findings: Finding[], passes: Pass[]): Finding[] {
  const held = new Map<string, number>();
  for (const p of passes) {
    const k = groupKey(p.rule, p.cells.map((c) => c.tableId));
    held.set(k, (held.get(k) ?? 0) + 1);
  }
  const failed = new Map<string, Finding[]>();
  for (const f of findings) {
    const tables = tablesOf(f);
    if (!tables.length) continue;
    const k = groupKey(f.rule, tables.map((t) => t.id));
    if (f.severity === 'info') held.set(k, (held.get(k) ?? 0) + 1);
    else if (f.severity === 'error' && f.expected !== undefined) failed.set(k, [...(failed.get(k) ?? []), f]);
  }
  const withdrawn = new Set<Finding>();
  const notes: Finding[] = [];
  for (const [k, fs] of failed) {
    const ok = held.get(k) ?? 0;
    if (fs.length < MIN_FAILURES || fs.length < ok) continue;
    for (const f of fs) withdrawn.add(f);
    const tables = tablesOf(fs[0]!);
    const names = tables.map((t) => tableLabel(t)).join('、');
    const rule = fs[0]!.rule;
    const note: Finding = {
      rule: 'X02',
      severity: 'info',
      message: {
        zh: `${names}：${rule} 的关系在 ${fs.length + ok} 处中有 ${fs.length} 处不成立，更可能是本工具没有读对这张表（列或层级识别有误），因此不对它报告 ${rule} 错误`,
        en: `${names}: ${rule} fails in ${fs.length} of ${fs.length + ok} places, more likely a misreading of the table (columns or hierarchy) than errors in it; no ${rule} errors are reported on it`,
      },
      values: [],
      evidence: tables.map((t) => ({ kind: 'table' as const, table: t, label: tableLabel(t) })),
    };
    const page = tables[0]!.page;
    if (page !== undefined) note.page = page;
    notes.push(note);
  }
  return [...findings.filter((f) => !withdrawn.has(f)), ...notes];
}
