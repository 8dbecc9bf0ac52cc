/**
 * A small PDF writer for test fixtures: pages with CJK text in a non-embedded font (STSong-Light,
 * UniGB-UCS2-H, which pdf.js can only read with its bundled cMaps), ruled lines, JPEG images, and optional
 * RC4 encryption (Standard security handler, revision 2).
 */
import { createHash } from 'node:crypto';

export interface PdfText {
  x: number;
  y: number; // from the top of the page
  size: number;
  text: string;
}

export interface PdfLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfImage {
  jpeg: Uint8Array;
  width: number;
  height: number;
  /** Placement on the page (from the top), in points. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PdfPage {
  width: number;
  height: number;
  texts?: PdfText[];
  lines?: PdfLine[];
  image?: PdfImage;
}

const enc = new TextEncoder();

function ucs2hex(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0xffff) continue;
    out += cp.toString(16).padStart(4, '0');
  }
  return out;
}

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const PAD = Uint8Array.from([0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a]);

function padPw(pw: string): Uint8Array {
  const b = enc.encode(pw).slice(0, 32);
  const out = new Uint8Array(32);
  out.set(b);
  out.set(PAD.slice(0, 32 - b.length), b.length);
  return out;
}

const md5 = (...parts: Uint8Array[]) => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

export function writePdf(pages: PdfPage[], opts: { title?: string; userPassword?: string } = {}): Uint8Array {
  const objs: (string | Uint8Array)[] = [];
  const add = (body: string | Uint8Array) => objs.push(body) ;
  // 1 catalog, 2 pages, 3 font (Type0), 4 CIDFont, 5 font descriptor, 6 info; then per page: page, content, [image]
  const kids: number[] = [];
  let next = 7;
  const pageObjs: { page: number; content: number; image?: number }[] = pages.map((p) => {
    const r = { page: next++, content: next++, ...(p.image ? { image: next++ } : {}) };
    kids.push(r.page);
    return r;
  });
  const id = md5(enc.encode(`${opts.title ?? 'doc'}${pages.length}`));
  let key: Uint8Array | undefined;
  let encryptObj: number | undefined;
  let oEntry = '';
  let uEntry = '';
  const P = -44; // print allowed, nothing else
  if (opts.userPassword !== undefined) {
    const owner = padPw(`${opts.userPassword}-owner`);
    const oKey = md5(owner).slice(0, 5);
    const O = rc4(oKey, padPw(opts.userPassword));
    const p = new Uint8Array(4);
    new DataView(p.buffer).setInt32(0, P, true);
    key = md5(padPw(opts.userPassword), O, p, id).slice(0, 5);
    const U = rc4(key, PAD);
    oEntry = hex(O);
    uEntry = hex(U);
    encryptObj = next++;
  }
  const objKey = (num: number) => {
    const k = new Uint8Array(key!.length + 5);
    k.set(key!);
    k.set([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0], key!.length);
    return md5(k).slice(0, Math.min(16, key!.length + 5));
  };
  // A text string: PDFDocEncoding when ASCII, else UTF-16BE with its byte-order mark; encrypted like every
  // string outside the /Encrypt dictionary.
  const str = (num: number, s: string) => {
    const bytes = /^[\x20-\x7e]*$/.test(s) ? enc.encode(s) : Uint8Array.from([0xfe, 0xff, ...Buffer.from(ucs2hex(s), 'hex')]);
    return `<${hex(key ? rc4(objKey(num), bytes) : bytes)}>`;
  };
  const stream = (num: number, dict: string, data: Uint8Array) => {
    const body = key ? rc4(objKey(num), data) : data;
    return concat(enc.encode(`<< ${dict} /Length ${body.length} >>\nstream\n`), body, enc.encode('\nendstream'));
  };
  const bodies = new Map<number, string | Uint8Array>();
  bodies.set(1, '<< /Type /Catalog /Pages 2 0 R >>');
  bodies.set(2, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  bodies.set(3, '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>');
  bodies.set(4, `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry ${str(4, 'Adobe')} /Ordering ${str(4, 'GB1')} /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>`);
  bodies.set(5, '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>');
  bodies.set(6, `<< /Title ${str(6, opts.title ?? '')} /Producer ${str(6, 'BudgetLens test writer')} >>`);
  pages.forEach((p, i) => {
    const o = pageObjs[i]!;
    let c = '';
    if (p.image) c += `q ${p.image.w} 0 0 ${p.image.h} ${p.image.x} ${p.height - p.image.y - p.image.h} cm /Im0 Do Q\n`;
    if (p.lines?.length) {
      c += '0.6 w 0 G\n';
      for (const l of p.lines) c += `${l.x0} ${p.height - l.y0} m ${l.x1} ${p.height - l.y1} l S\n`;
    }
    for (const t of p.texts ?? []) c += `BT /F1 ${t.size} Tf ${t.x} ${(p.height - t.y).toFixed(2)} Td <${ucs2hex(t.text)}> Tj ET\n`;
    const res = `/Font << /F1 3 0 R >>${p.image ? ` /XObject << /Im0 ${o.image} 0 R >>` : ''}`;
    bodies.set(o.page, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${p.width} ${p.height}] /Resources << ${res} >> /Contents ${o.content} 0 R >>`);
    bodies.set(o.content, stream(o.content, '', enc.encode(c)));
    if (p.image && o.image) bodies.set(o.image, stream(o.image, `/Type /XObject /Subtype /Image /Width ${p.image.width} /Height ${p.image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode`, p.image.jpeg));
  });
  if (encryptObj) bodies.set(encryptObj, `<< /Filter /Standard /V 1 /R 2 /O <${oEntry}> /U <${uEntry}> /P ${P} >>`);
  const parts: Uint8Array[] = [enc.encode('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  const total = next - 1;
  for (let n = 1; n <= total; n++) {
    const b = bodies.get(n)!;
    const chunk = concat(enc.encode(`${n} 0 obj\n`), typeof b === 'string' ? enc.encode(b) : b, enc.encode('\nendobj\n'));
    offsets[n] = offset;
    offset += chunk.length;
    parts.push(chunk);
  }
  let xref = `xref\n0 ${total + 1}\n0000000000 65535 f \n`;
  for (let n = 1; n <= total; n++) xref += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  xref += `trailer\n<< /Size ${total + 1} /Root 1 0 R /Info 6 0 R /ID [<${hex(id)}> <${hex(id)}>]${encryptObj ? ` /Encrypt ${encryptObj} 0 R` : ''} >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(enc.encode(xref));
  void add;
  void objs;
  return concat(...parts);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** A ruled table as text runs and lines: rows of cells (strings), column widths in points. */
export function tableOnPage(rows: string[][], widths: number[], x: number, y: number, rowH = 18, size = 9): { texts: PdfText[]; lines: PdfLine[]; bottom: number } {
  const texts: PdfText[] = [];
  const lines: PdfLine[] = [];
  const xs = [x];
  for (const w of widths) xs.push(xs[xs.length - 1]! + w);
  rows.forEach((row, i) => {
    const top = y + i * rowH;
    row.forEach((cell, j) => {
      if (!cell) return;
      // Numbers right-aligned, text left-aligned, as budget tables print them.
      const numeric = /^[\d,.\-]+$/.test(cell);
      const w = [...cell].reduce((a, ch) => a + (ch.charCodeAt(0) < 128 ? 0.5 : 1), 0) * size;
      const tx = numeric ? xs[j + 1]! - 3 - w : xs[j]! + 3;
      texts.push({ x: tx, y: top + rowH - 5, size, text: cell });
    });
  });
  const bottom = y + rows.length * rowH;
  for (let i = 0; i <= rows.length; i++) lines.push({ x0: xs[0]!, y0: y + i * rowH, x1: xs[xs.length - 1]!, y1: y + i * rowH });
  for (const xv of xs) lines.push({ x0: xv, y0: y, x1: xv, y1: bottom });
  return { texts, lines, bottom };
}
