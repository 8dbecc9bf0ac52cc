import type { Analysis } from '../analyze';
import type { Anchor } from '../extract/types';
import type { Severity } from '../rules/types';

/**
 * What the overlay draws, decided without any DOM: one mark per cell or sentence, coloured by the most
 * severe finding that cites it as the printed value, a quiet tick for cells whose relations all held, and
 * for each finding the marks it involves (so that choosing a finding lights up its parts and comparisons).
 */
type MarkTone = Severity | 'pass' | 'related';

export interface Mark {
  id: number;
  anchor: Anchor;
  target: 'cell' | 'sentence' | 'table';
  /** The sentence as printed, for sentence marks (to find it inside its paragraph). */
  quote?: string;
  tone: MarkTone;
  /** The rule shown on the mark: the most severe finding's, or the first relation that held. */
  rule: string;
  /** Findings citing this mark as their printed value, most severe first. */
  findings: number[];
  /** Findings that only involve it (a part of a sum, the value compared against). */
  involvedIn: number[];
  page?: number;
}

export interface HighlightModel {
  marks: Mark[];
  /** For each finding (same index as analysis.findings): its marks. */
  byFinding: number[][];
}

const RANK: Record<MarkTone, number> = { error: 0, warning: 1, info: 2, related: 3, pass: 4 };

/** Cells by element or page box; PDF sentences also by their text (DOM sentences have a map of their own). */
function anchorKey(a: Anchor, quote?: string): unknown {
  return a.kind === 'pdf' ? `pdf:${a.page}:${a.box.map((x) => x.toFixed(1)).join(',')}${quote ? `:${quote}` : ''}` : a.element;
}

export function highlightModel(a: Analysis): HighlightModel {
  const marks: Mark[] = [];
  // DOM anchors are keyed by element, sentences by element + quote.
  const byKey = new Map<unknown, Mark>();
  const sentenceKeys = new Map<Element, Map<string, Mark>>();
  const get = (anchor: Anchor, target: Mark['target'], page: number | undefined, quote?: string): Mark => {
    let m: Mark | undefined;
    if (target === 'sentence' && anchor.kind === 'dom') {
      const inner = sentenceKeys.get(anchor.element) ?? new Map<string, Mark>();
      sentenceKeys.set(anchor.element, inner);
      m = inner.get(quote ?? '');
      if (!m) {
        m = newMark(anchor, target, page, quote);
        inner.set(quote ?? '', m);
      }
      return m;
    }
    const key = anchorKey(anchor, target === 'sentence' ? quote : undefined);
    m = byKey.get(key);
    if (!m) {
      m = newMark(anchor, target, page, quote);
      byKey.set(key, m);
    }
    return m;
  };
  const newMark = (anchor: Anchor, target: Mark['target'], page: number | undefined, quote?: string): Mark => {
    const m: Mark = { id: marks.length, anchor, target, tone: 'related', rule: '', findings: [], involvedIn: [], ...(quote ? { quote } : {}), ...(page !== undefined ? { page } : {}) };
    marks.push(m);
    return m;
  };

  const byFinding: number[][] = a.findings.map((f, i) => {
    const ids = new Set<number>();
    for (const e of f.evidence) {
      let m: Mark;
      if (e.kind === 'cell') m = get(e.cell.anchor, 'cell', e.cell.page ?? e.table.page);
      else if (e.kind === 'claim') m = get(e.claim.source.anchor, 'sentence', e.claim.source.page, e.claim.source.quote);
      else m = get(e.table.titleAnchor ?? e.table.anchor, 'table', e.table.page);
      const printed = e.kind === 'table' || e.role === 'printed';
      if (printed) {
        if (!m.findings.includes(i)) m.findings.push(i);
        if (RANK[f.severity] < RANK[m.tone]) {
          m.tone = f.severity;
          m.rule = f.rule;
        }
      } else if (!m.involvedIn.includes(i)) m.involvedIn.push(i);
      if (!m.rule) m.rule = f.rule;
      ids.add(m.id);
    }
    return [...ids];
  });
  // A finding citing no printed value: its first cell carries it, so that every finding can be shown in place.
  a.findings.forEach((f, i) => {
    const ids = byFinding[i]!;
    if (!ids.length || ids.some((id) => marks[id]!.findings.includes(i))) return;
    const m = marks[ids[0]!]!;
    m.findings.push(i);
    if (RANK[f.severity] < RANK[m.tone]) {
      m.tone = f.severity;
      m.rule = f.rule;
    }
  });
  for (const m of marks) m.findings.sort((x, y) => RANK[a.findings[x]!.severity] - RANK[a.findings[y]!.severity]);

  // Ticks: cells of relations that held, unless a finding already marks them.
  for (const p of a.passes) {
    for (const c of p.cells) {
      // Blank cells reconcile as zero, but a tick on an empty cell is noise.
      if (!c.text.trim()) continue;
      const key = anchorKey(c.anchor);
      const had = byKey.get(key);
      if (had) {
        // A part of a failing relation that reconciles elsewhere still earns its tick.
        if (had.tone === 'related') had.tone = 'pass';
        continue;
      }
      const m = newMark(c.anchor, 'cell', c.page);
      m.tone = 'pass';
      m.rule = p.rule;
      byKey.set(key, m);
    }
  }
  return { marks, byFinding };
}

/** Every mark the mark's findings involve: parts, comparisons, sentences (lit up together on hover). */
export function relatedMarks(m: HighlightModel, mark: Mark): number[] {
  const ids = new Set<number>([mark.id]);
  for (const f of mark.findings) for (const id of m.byFinding[f] ?? []) ids.add(id);
  return [...ids];
}
