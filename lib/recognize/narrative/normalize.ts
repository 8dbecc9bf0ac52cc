/**
 * Normalise a paragraph for pattern matching without changing its length, so a match's offsets are the
 * printed sentence's offsets (the anchor keeps the sentence as printed). Full-width punctuation and digits
 * become ASCII, markdown emphasis and exotic spaces become spaces.
 */
export function normalizeSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch.length !== 1) {
      out += ch;
      continue;
    }
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0);
      continue;
    }
    if (ch === '\u3000' || ch === '\u00a0' || ch === '*' || ch === '\u200b') {
      out += ' ';
      continue;
    }
    if (ch === '“' || ch === '”' || ch === '„' || ch === '‟') {
      out += '"';
      continue;
    }
    out += ch;
  }
  return out;
}

/** Sentence boundaries (after 。！？； and before the next character), as offsets. */
export function sentenceAt(text: string, index: number, endIndex = index): { start: number; end: number } {
  let start = index;
  while (start > 0 && !/[。！？!?\n]/.test(text[start - 1]!)) start--;
  let end = endIndex;
  while (end < text.length && !/[。！？!?\n]/.test(text[end]!)) end++;
  if (end < text.length) end++;
  while (start < end && /\s/.test(text[start]!)) start++;
  return { start, end };
}
