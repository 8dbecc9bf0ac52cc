import type { HighlightModel } from '../../lib/report/highlights';

/**
 * A narrative finding's two places: the sentence that states a figure and the table cell it is compared
 * with. Mark ids of each (the printed one first); a finding with both gets "to the table" and "back to the
 * text" links on its card.
 */
export function findingPlaces(m: HighlightModel, finding: number): { text: number[]; cells: number[] } {
  const ids = m.byFinding[finding] ?? [];
  const printedFirst = (a: number, b: number) => Number(m.marks[b]!.findings.includes(finding)) - Number(m.marks[a]!.findings.includes(finding));
  return {
    text: ids.filter((id) => m.marks[id]!.target === 'sentence').sort(printedFirst),
    cells: ids.filter((id) => m.marks[id]!.target === 'cell').sort(printedFirst),
  };
}
