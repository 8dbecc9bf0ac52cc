/**
 * Bytes of a saved or fetched page to text, honouring the declared charset. Chinese portals still serve
 * GB2312/GBK pages; GB18030 is a superset of both, so those labels all decode with it.
 */
const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  gb18030: 'gb18030',
  'gb_2312-80': 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  big5: 'big5',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
};

export function sniffCharset(bytes: Uint8Array, contentType?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const fromHeader = contentType && /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1];
  if (fromHeader) return normalizeCharset(fromHeader);
  // The first 4 kB as Latin-1 is enough to read a <meta> declaration.
  let head = '';
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i]!);
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  if (meta) return normalizeCharset(meta[1]!);
  // No declaration: UTF-8 if it decodes cleanly, else GB18030 (the common legacy encoding).
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function normalizeCharset(label: string): string {
  const l = label.trim().toLowerCase();
  return ALIASES[l] ?? l;
}

export function decodeHtml(bytes: Uint8Array, contentType?: string): { text: string; charset: string } {
  const charset = sniffCharset(bytes, contentType);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return { text: decoder.decode(bytes), charset };
}
