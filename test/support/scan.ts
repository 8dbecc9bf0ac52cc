/**
 * Scanned copies of our own PDF fixtures: every page rasterised with pdftoppm (poppler-utils) and put back
 * as a JPEG-only PDF, so it has no text layer at all — what a county site publishes after print-and-scan.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePdf, type PdfPage } from './pdf-writer';

function jpegSize(jpeg: Uint8Array): { width: number; height: number } {
  // The first SOFn marker carries the frame size.
  for (let i = 2; i < jpeg.length - 8; ) {
    if (jpeg[i] !== 0xff) {
      i++;
      continue;
    }
    const m = jpeg[i + 1]!;
    const len = (jpeg[i + 2]! << 8) | jpeg[i + 3]!;
    if (m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc) return { height: (jpeg[i + 5]! << 8) | jpeg[i + 6]!, width: (jpeg[i + 7]! << 8) | jpeg[i + 8]! };
    i += 2 + len;
  }
  throw new Error('no JPEG frame header');
}

/** Page sizes in points, from pdfinfo. */
function pageSizes(pdf: string, first: number, last: number): { width: number; height: number }[] {
  const out = execFileSync('pdfinfo', ['-f', String(first), '-l', String(last), pdf], { encoding: 'utf8' });
  return [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** A scanned (image-only) copy of pages first…last of a PDF, rasterised at `dpi`. */
export function scanPdf(pdf: string, dpi: number, pages?: { first: number; last: number }): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'bl-scan-'));
  try {
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    execFileSync('pdftoppm', ['-r', String(dpi), '-jpeg', '-jpegopt', 'quality=85', ...range, pdf, join(dir, 'p')], { stdio: ['ignore', 'ignore', 'ignore'] });
    const files = readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort();
    const first = pages?.first ?? 1;
    const sizes = pageSizes(pdf, first, first + files.length - 1);
    const out: PdfPage[] = files.map((f, i) => {
      const jpeg = new Uint8Array(readFileSync(join(dir, f)));
      const { width, height } = jpegSize(jpeg);
      const size = sizes[i] ?? { width: (width * 72) / dpi, height: (height * 72) / dpi };
      return { width: size.width, height: size.height, image: { jpeg, width, height, x: 0, y: 0, w: size.width, h: size.height } };
    });
    return writePdf(out, { title: 'scan' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Our budget PDF with page 1's table pasted as a picture: the table region rasterised at `dpi` and put
 * back as a JPEG over the same place, while the title and the unit above it stay text (pages 2… as they
 * were). `pages` are the original's pages (from which the PDF at `pdf` was written).
 */
export function tableAsPicture(pdf: string, pages: readonly PdfPage[], dpi = 200): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'bl-picture-'));
  try {
    const k = dpi / 72;
    const box = { x: 45, y: 145, w: 490, h: 155 };
    const prefix = join(dir, 'table');
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-x', String(Math.round(box.x * k)), '-y', String(Math.round(box.y * k)), '-W', String(Math.round(box.w * k)), '-H', String(Math.round(box.h * k)), '-jpeg', '-singlefile', pdf, prefix]);
    const jpeg = new Uint8Array(readFileSync(`${prefix}.jpg`));
    const [page1, ...rest] = pages;
    const mixed: PdfPage = { width: 595, height: 842, texts: page1!.texts!.filter((t) => t.y < box.y), image: { jpeg, width: Math.round(box.w * k), height: Math.round(box.h * k), ...box } };
    return writePdf([mixed, ...rest], { title: 'mixed' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
