/**
 * What a file is, from its first bytes rather than its name or address: the CLI and the viewer decide
 * the same way (a .pdf address that serves an HTML page is an HTML page).
 */
function head(bytes: Uint8Array, n: number): string {
  let s = '';
  const m = Math.min(bytes.length, n);
  for (let i = 0; i < m; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

export function sniffDocument(bytes: Uint8Array): 'pdf' | 'html' | 'other' {
  // %PDF within the first kilobyte (some files carry junk before the header).
  if (head(bytes, 1024).includes('%PDF-')) return 'pdf';
  const h = head(bytes, 4096).toLowerCase();
  if (/<(!doctype html|html|head|body|table|p|div|meta)[\s>]/.test(h)) return 'html';
  return 'other';
}
