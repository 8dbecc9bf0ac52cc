/**
 * Findings that the pages still to come cannot change (issue 11: findings as a PDF's pages arrive).
 *
 * While a long PDF is read page by page, the viewer analyses what has been read so far and shows only what
 * is already final. Only the last block read can still grow (a table or paragraph continues overleaf), so
 * everything on pages before the page it starts on is complete. A finding is settled when every value it
 * cites, and every page of every table it cites, lies before that page, and its rule compares what is
 * there rather than judging the document as a whole (`scope: 'document'`: what is missing, what differs
 * anywhere). Ticks wait for the whole document: a sum that holds on half a table says nothing.
 *
 * Anything not settled simply waits for the full analysis, which replaces the partial one.
 */
import type { Anchor } from '../extract/types';
import { ruleById } from './registry';
import type { RuleRun } from './engine';
import type { Evidence, Finding } from './types';

function pageOf(a: Anchor): number | undefined {
  return a.kind === 'pdf' ? a.page : undefined;
}

/** The last page an evidence item rests on (undefined: not a place in a PDF, so never settled early). */
function lastPage(e: Evidence): number | undefined {
  if (e.kind === 'claim') return e.claim.source.page ?? pageOf(e.claim.source.anchor);
  const t = e.table;
  const cellPage = e.kind === 'cell' ? (e.cell.page ?? pageOf(e.cell.anchor)) : undefined;
  const tablePage = t.pageEnd ?? t.page ?? pageOf(t.anchor);
  if (tablePage === undefined) return undefined;
  return Math.max(tablePage, cellPage ?? 0);
}

function settled(f: Finding, before: number): boolean {
  if (!f.evidence.length) return false;
  for (const id of [f.rule, ...(f.also ?? []).map((a) => a.rule)]) {
    const rule = ruleById(id);
    if (!rule || rule.scope === 'document') return false;
  }
  return f.evidence.every((e) => {
    const p = lastPage(e);
    return p !== undefined && p < before;
  });
}

/**
 * The part of a run on a partly read document that stands: `before` is the first page whose content may
 * still change (the page the last block read starts on).
 */
export function settledRun(run: RuleRun, before: number): RuleRun {
  return { ...run, findings: run.findings.filter((f) => settled(f, before)), passes: [] };
}
