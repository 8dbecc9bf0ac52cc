/**
 * Hostile and awkward PDFs, generated in the test (nothing large is kept in the repository): a content
 * stream that inflates to 1 GB, an image of 3.6 × 10⁹ pixels, a page tree that loops, a 20,000-page file.
 */
import { createDeflate } from 'node:zlib';

const latin1 = (s: string) => Buffer.from(s, 'latin1');

/** A PDF from numbered object bodies (object i+1 = bodies[i]; object 1 is the catalog), with its xref. */
export function assemble(bodies: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  bodies.forEach((b, i) => {
    offsets.push(at);
    const chunk = Buffer.concat([latin1(`${i + 1} 0 obj\n`), typeof b === 'string' ? latin1(b) : b, latin1('\nendobj\n')]);
    parts.push(chunk);
    at += chunk.length;
  });
  let xref = `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, '0')} 00000 n \n`;
  parts.push(latin1(`${xref}trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** `total` bytes of `unit` repeated, deflated as one zlib stream without ever holding them all. */
export async function deflateRepeated(unit: string, total: number): Promise<Buffer> {
  const z = createDeflate({ level: 9, memLevel: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((r) => z.on('end', () => r()));
  const block = Buffer.from(unit.repeat(Math.ceil((1 << 22) / unit.length)).slice(0, 1 << 22), 'latin1');
  for (let n = 0; n < total; n += block.length) {
    if (!z.write(n + block.length <= total ? block : block.subarray(0, total - n))) await new Promise((r) => z.once('drain', r));
  }
  z.end();
  await done;
  return Buffer.concat(out);
}

function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([latin1(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, latin1('\nendstream')]);
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/**
 * One page whose content stream inflates to `bytes` (1 GB by default) of drawing operators; `trailer`
 * is stray bytes after the compressed data (an inflater errors on them, but only once it gets there).
 */
export async function contentBomb(bytes = 1 << 30, trailer = ''): Promise<Buffer> {
  const z = Buffer.concat([await deflateRepeated('0 0 m 1 1 l S\n', bytes), latin1(trailer)]);
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    stream('/Filter /FlateDecode', z),
  ]);
}

/** One page drawing a 30,000 × 30,000 grey image (900 MB decoded) from a few megabytes. */
export async function imageBomb(side = 30_000): Promise<Buffer> {
  const z = await deflateRepeated('\0', side * side);
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> /Contents 4 0 R >>',
    stream('', latin1('q 595 0 0 842 0 0 cm /Im0 Do Q')),
    stream(`/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, z),
  ]);
}

/** A page tree whose only kid is the tree itself. */
export function loopingPageTree(): Buffer {
  return assemble(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']);
}

/** Pages whose content streams do not parse (binary junk where operators should be). */
export function garbledContent(): Buffer {
  const junk = Buffer.alloc(4000);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 131 + 7) % 256 || 1;
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    stream('', junk),
  ]);
}

/** `n` pages (20,000 by default), each a line of text with its page number. */
export function manyPages(n = 20_000): Buffer {
  const bodies: (string | Buffer)[] = ['<< /Type /Catalog /Pages 2 0 R >>', '', FONT];
  const kids: string[] = [];
  for (let i = 0; i < n; i++) {
    const page = bodies.length + 1;
    kids.push(`${page} 0 R`);
    bodies.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${page + 1} 0 R >>`);
    bodies.push(stream('', latin1(`BT /F1 24 Tf 72 760 Td (Page ${i + 1}) Tj ET`)));
  }
  bodies[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${n} >>`;
  return assemble(bodies);
}
