/**
 * Checks that run inside the page (passed to evaluate by Playwright and Puppeteer alike): self-contained,
 * no imports.
 */

/**
 * Every mark BudgetLens drew on the page, brought into view the way the panel does (scrollIntoView): is the
 * element at the mark's centre the marked cell (or inside it), rather than BudgetLens's UI? The marks that
 * fail, and how many were checked.
 */
export async function hiddenMarks(): Promise<{ checked: number; bad: string[] }> {
  const root = document.querySelector('budget-lens-root')!.shadowRoot!;
  const marks = [...root.querySelectorAll<HTMLElement>('.bl-mark[data-budget-lens-severity]:not(.bl-sentence):not(.bl-related):not(.bl-hidden)')];
  const bad: string[] = [];
  for (const m of marks) {
    m.scrollIntoView({ block: 'center', inline: 'nearest' });
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const b = m.getBoundingClientRect();
    const x = b.left + b.width / 2;
    const y = b.top + b.height / 2;
    const el = document.elementFromPoint(x, y);
    // The marked element (a cell; for a few rules a title or a heading) is the one hit, or holds it: an
    // element of the page whose box holds the mark's (a mark is cut where a scrolling wrapper clips its cell).
    let same = false;
    for (let a: Element | null = el; a && !same; a = a.parentElement) {
      const c = a.getBoundingClientRect();
      same = c.left <= b.left + 4 && c.top <= b.top + 4 && c.right >= b.right - 4 && c.bottom >= b.bottom - 4 && c.width * c.height <= 1.5 * b.width * b.height;
    }
    if (!same) bad.push(`${m.dataset['budgetLensRule']} ${m.dataset['budgetLensSeverity']} at ${Math.round(x)},${Math.round(y)}: ${el?.tagName ?? 'nothing'}`);
  }
  return { checked: marks.length, bad };
}
