/**
 * Text that leaves BudgetLens (the CLI's text, CSV, Markdown and JSON) carries no control characters and
 * no bidirectional overrides. A page's text can hold terminal escapes (clear the screen, set the window
 * title, write the clipboard, print a fake verdict) and right-to-left overrides that make "100" read
 * "001" in a report; only tab and newline survive.
 */
// C0 except tab and newline, DEL, C1; bidi embeddings, overrides, isolates and marks.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

export function cleanText(s: string): string {
  return s.replace(UNSAFE, '');
}

/** Every string inside a JSON-like value, cleaned (a new value; the input is not changed). */
export function cleanDeep<T>(v: T): T {
  if (typeof v === 'string') return cleanText(v) as T;
  if (Array.isArray(v)) return v.map((x) => cleanDeep(x)) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[cleanText(k)] = cleanDeep(x);
    return out as T;
  }
  return v;
}
