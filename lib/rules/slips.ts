import type { Cell } from '../recognize/model';
import type { Evidence, Finding } from './types';

/**
 * One slip, one finding: when a single printed value takes part in several failed relations (a wrong cell
 * breaks its row and its column), the failures are told as one finding that names the value and lists the
 * relations it breaks. Counts and headlines then count slips, not relations.
 */
export function mergeSlips(findings: Finding[]): Finding[] {
  const errors = findings.filter((f) => f.severity === 'error' && f.expected !== undefined && f.evidence.some((e) => e.kind === 'cell'));
  const merged = new Set<Finding>();
  const out = new Map<Finding, Finding>();
  for (;;) {
    const byCell = new Map<Cell, Finding[]>();
    for (const f of errors) {
      if (merged.has(f)) continue;
      for (const e of f.evidence) if (e.kind === 'cell') byCell.set(e.cell, [...(byCell.get(e.cell) ?? []), f]);
    }
    let best: [Cell, Finding[]] | undefined;
    for (const entry of byCell) if (entry[1].length >= 2 && (!best || entry[1].length > best[1].length)) best = entry;
    if (!best) break;
    const [cell, group] = best;
    // Lead with the relation in which the slip is the printed figure itself (its expected value is then the
    // value the cell should hold).
    const lead = group.find((f) => f.evidence.some((e) => e.kind === 'cell' && e.cell === cell && e.role === 'printed'));
    if (lead) group.unshift(...group.splice(group.indexOf(lead), 1));
    const base = group[0]!;
    const label = (base.evidence.find((e) => e.kind === 'cell' && e.cell === cell) as Extract<Evidence, { kind: 'cell' }>).label;
    const rules = [...new Set(group.map((f) => f.rule))].join('、');
    const evidence: Evidence[] = [];
    for (const f of group) for (const e of f.evidence) if (!evidence.some((x) => x.kind === e.kind && (e.kind !== 'cell' || (x as typeof e).cell === e.cell) && (e.kind !== 'claim' || (x as typeof e).claim === e.claim))) evidence.push(e);
    const slip: Finding = {
      ...base,
      message: {
        zh: `一处数字使 ${group.length} 项核对不成立：${label} ${cell.text}（${rules}）。${group.map((f, i) => `${'①②③④⑤⑥⑦⑧⑨⑩'[i] ?? `(${i + 1})`} ${f.message.zh}`).join('；')}`,
        en: `One figure breaks ${group.length} relations: ${label} ${cell.text} (${rules}). ${group.map((f, i) => `(${i + 1}) ${f.message.en}`).join('; ')}`,
      },
      values: [...new Set(group.flatMap((f) => f.values))],
      evidence,
      also: group.slice(1).map((f) => ({ rule: f.rule, message: f.message })),
      slip: { label, printed: cell.text },
    };
    for (const f of group) merged.add(f);
    out.set(base, slip);
  }
  return findings.filter((f) => !merged.has(f) || out.has(f)).map((f) => out.get(f) ?? f);
}
