/**
 * Keyboard for findings, on pages and in the viewer: j or ] next finding, k or [ previous, Esc closes the
 * card. Keys typed into a field, or with a modifier, are left to the page.
 */
export interface FindingKeys {
  next(): void;
  previous(): void;
  close(): void;
}

function typing(e: KeyboardEvent): boolean {
  const el = (e.composedPath()[0] ?? e.target) as HTMLElement | null;
  if (!el || !(el instanceof Element)) return false;
  return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
}

export function listenFindingKeys(doc: Document, keys: FindingKeys): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typing(e)) return;
    if (e.key === 'Escape') return keys.close();
    if (e.key === 'j' || e.key === ']') {
      e.preventDefault();
      keys.next();
    } else if (e.key === 'k' || e.key === '[') {
      e.preventDefault();
      keys.previous();
    }
  };
  doc.addEventListener('keydown', onKey);
  return () => doc.removeEventListener('keydown', onKey);
}
