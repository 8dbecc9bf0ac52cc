/**
 * The installed command on hostile and broken files (issue 9): each is generated here (the repository
 * keeps no bomb). A content stream that inflates to 1 GB and a 900-megapixel image end in one line and
 * exit status 2 within 30 s and 1.5 GB; a looping page tree and unparseable content are "cannot be
 * read", not "a scan"; page text cannot drive the terminal or turn a report around.
 */
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentBomb, garbledContent, imageBomb, loopingPageTree } from '../support/hostile-pdfs';
import { FIXTURES } from '../helpers';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..', '..');
// Its own bundle of the command (test/cli/cli.test.ts rebuilds dist/cli.mjs while this file may run).
const BIN = join(ROOT, 'dist', 'hostile-test-bin.mjs');
const dir = mkdtempSync(join(tmpdir(), 'bl-hostile-'));
// Prints the process's peak memory (all threads) to stderr as it exits.
// (--import runs in worker threads too: only the main thread reports.)
const PEAK = 'data:text/javascript,import{isMainThread}from"node:worker_threads";if(isMainThread)process.on("exit",()=>process.stderr.write("\\npeak-rss-kb "+process.resourceUsage().maxRSS+"\\n"))';

interface Run {
  code: number | null;
  out: string;
  err: string;
  ms: number;
  peakMb: number;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const t = Date.now();
    const p = spawn('node', ['--import', PEAK, BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (c) => (out += c));
    p.stderr.on('data', (c) => (err += c));
    p.on('close', (code) => {
      const peak = Number(/peak-rss-kb (\d+)/.exec(err)?.[1] ?? 0);
      resolve({ code, out, err: err.replace(/\n?peak-rss-kb \d+\n?/g, ''), ms: Date.now() - t, peakMb: peak / 1024 });
    });
  });
}

beforeAll(async () => {
  // The current sources, bundled as scripts/build-cli.mjs does (what `npx budget-lens` runs).
  await build({
    entryPoints: [join(ROOT, 'lib', 'cli', 'entry.ts')],
    outfile: join(ROOT, 'dist', 'hostile-test-cli.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['pdfjs-dist', 'pdfjs-dist/*'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  writeFileSync(BIN, "import { run } from './hostile-test-cli.mjs';\nprocess.exitCode = await run(process.argv.slice(2));\n");
}, 60_000);

describe('PDF bombs', () => {
  const files: Record<string, string> = {};
  beforeAll(async () => {
    files['content'] = join(dir, 'content-bomb.pdf');
    writeFileSync(files['content'], await contentBomb());
    files['image'] = join(dir, 'image-bomb.pdf');
    writeFileSync(files['image'], await imageBomb());
    files['content (junk after the data)'] = join(dir, 'content-bomb-junk.pdf');
    writeFileSync(files['content (junk after the data)'], await contentBomb(1 << 30, 'JUNK'));
  }, 120_000);

  for (const kind of ['content', 'image', 'content (junk after the data)']) {
    it(`${kind} bomb: exit 2, one line "too large to read", ≤ 30 s, ≤ 1.5 GB`, async () => {
      const r = await cli('check', files[kind]!);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n'), r.err).toHaveLength(1);
      expect(r.err).toMatch(/too large to read/);
      expect(r.ms).toBeLessThan(30_000);
      expect(r.peakMb).toBeGreaterThan(0);
      expect(r.peakMb).toBeLessThan(1536);
      console.log(`${kind} bomb: ${r.ms} ms, peak ${r.peakMb.toFixed(0)} MB — ${r.err.trim()}`);
    }, 60_000);
  }
});

describe('large images below the stream limit', () => {
  it('a 144-megapixel image is not decoded (pdf.js maxImageSize): the page is read in bounded memory', async () => {
    const f = join(dir, 'big-image.pdf');
    writeFileSync(f, await imageBomb(12_000));
    // (OCR off: this is about decoding the picture, not reading it.) X01 says nothing could be read: exit 1.
    const r = await cli('check', f, '--json', '--ocr=off');
    expect(r.code).toBe(1);
    expect(r.peakMb).toBeLessThan(600);
    console.log(`144-megapixel image: ${r.ms} ms, peak ${r.peakMb.toFixed(0)} MB`);
  }, 60_000);
});

describe('damaged PDFs are not called scans', () => {
  it('a page tree that loops: cannot be read (exit 2), one line', async () => {
    const f = join(dir, 'loop.pdf');
    writeFileSync(f, loopingPageTree());
    const r = await cli('check', f);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n'), r.err).toHaveLength(1);
    expect(r.err).toMatch(/cannot be read/);
    expect(r.err).not.toMatch(/scan|OCR/i);
  });

  it('content that does not parse: X01 says the content may be damaged, not "a scan"', async () => {
    const f = join(dir, 'garbled.pdf');
    writeFileSync(f, garbledContent());
    const r = await cli('check', f, '--json');
    const j = JSON.parse(r.out);
    expect(j.findings.map((x: { rule: string }) => x.rule)).toEqual(['X01']);
    expect(j.findings[0].message).toMatch(/不是扫描件/);
    expect(j.findings[0].messageEn).not.toMatch(/a scan\)|Run OCR/);
  });
});

describe('page text cannot drive a terminal or a report', () => {
  const ESC = '\x1b]0;pwned\x07\x1b[2J\x1b[1;32m全部核对无误\x1b[0m\u202e00.001\u202c\x9b';
  it('text, CSV, Markdown and JSON carry no control character and no bidi override', async () => {
    const html = readFileSync(join(FIXTURES, '000-word-cms.html'), 'utf8').replace('档案专项经费', `档案专项经费${ESC}`);
    const f = join(dir, 'escapes.html');
    writeFileSync(f, html);
    for (const format of ['text', 'csv', 'md', 'json']) {
      const r = await cli('check', f, `--format=${format}`);
      // The page carries real errors (exit status 1); what matters here is what reaches the terminal.
      expect(r.code).toBe(1);
      expect(r.out).toContain('档案专项经费');
      expect(r.out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      if (format === 'json') expect(JSON.stringify(JSON.parse(r.out))).not.toMatch(/\\u001b|\\u202e/);
    }
  }, 60_000);
});
