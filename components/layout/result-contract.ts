/**
 * The contract pages and the viewer share with tests and other tools (README): after analysis the root
 * element says `data-budget-lens="ready"` (or "error") and how many findings; while a PDF is still read page by
 * page it says "reading" and how many findings are shown so far. Written in one place.
 */
export function announceResult(root: Element, state: 'reading' | 'ready' | 'error', findings: number): void {
  root.setAttribute('data-budget-lens-findings', String(findings));
  root.setAttribute('data-budget-lens', state);
}

export function clearResult(root: Element): void {
  root.removeAttribute('data-budget-lens');
  root.removeAttribute('data-budget-lens-findings');
}
