/**
 * The built packages: the always-loaded content script stays small, the manifests ask for the permissions
 * the README lists and no more, the Firefox build is valid MV2 with the same parts, and both are ready for
 * their stores (icons, a permanent gecko id, the data-collection declaration, web-ext lint clean, the sources
 * zip holding sources only).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngSize, zipEntries } from '../support/zip-list';

const ROOT = join(import.meta.dirname, '..', '..');
const CHROME = join(ROOT, '.output', 'chrome-mv3');
const FIREFOX = join(ROOT, '.output', 'firefox-mv2');
const ICON_SIZES = ['16', '32', '48', '128'];

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

function expectIcons(dir: string, icons: Record<string, string>): void {
  expect(Object.keys(icons).sort()).toEqual([...ICON_SIZES].sort());
  for (const [size, path] of Object.entries(icons)) {
    expect(pngSize(readFileSync(join(dir, path)))).toEqual({ width: Number(size), height: Number(size) });
  }
}

describe('Chrome MV3 build', () => {
  const manifest = () => manifestOf(CHROME);

  it('the content script that runs on every page is at most 8 kB gzipped', () => {
    const js = readFileSync(join(CHROME, 'page-watch.js'));
    expect(gzipSync(js, { level: 9 }).length).toBeLessThanOrEqual(8 * 1024);
  });

  it('asks for exactly the documented permissions', () => {
    const m = manifest();
    expect(m.manifest_version).toBe(3);
    expect([...m.permissions].sort()).toEqual(['declarativeNetRequestWithHostAccess', 'storage', 'webRequest']);
    expect(m.host_permissions).toEqual(['<all_urls>']);
    // Two files, reachable only at the per-session dynamic address.
    expect(m.web_accessible_resources).toEqual([{ resources: ['content-analysis.js', 'viewer.html'], matches: ['<all_urls>'], use_dynamic_url: true }]);
    expect(m.content_security_policy.extension_pages).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; frame-ancestors 'none';");
    expect(m.content_scripts).toEqual([{ matches: ['http://*/*', 'https://*/*', 'file:///*'], js: ['page-watch.js'], run_at: 'document_idle' }]);
  });

  it('the page watcher never announces itself to pages (no WXT content-script context)', () => {
    const js = readFileSync(join(CHROME, 'page-watch.js'), 'utf8');
    expect(js).not.toMatch(/postMessage|content-script-started/);
  });

  it('has its icons at 16, 32, 48 and 128 px, for the store, the toolbar and the extensions page', () => {
    const m = manifest();
    expectIcons(CHROME, m.icons);
    expectIcons(CHROME, m.action.default_icon);
  });

  it('bundles pdf.js character maps and fonts (nothing fetched from a network)', () => {
    expect(readFileSync(join(CHROME, 'pdfjs', 'cmaps', 'UniGB-UCS2-H.bcmap')).length).toBeGreaterThan(1000);
    expect(readFileSync(join(CHROME, 'pdfjs', 'standard_fonts', 'FoxitSerif.pfb')).length).toBeGreaterThan(1000);
  });
});

// Built by the global setup (scripts/build-extension.ts), like the Chrome package.
describe('Firefox MV2 build', () => {
  it('is a valid MV2 manifest with blocking webRequest in place of redirect rules', () => {
    const m = manifestOf(FIREFOX);
    expect(m.manifest_version).toBe(2);
    expect([...m.permissions].sort()).toEqual(['<all_urls>', 'storage', 'webRequest', 'webRequestBlocking']);
    expect(m.web_accessible_resources).toEqual(['content-analysis.js', 'viewer.html']);
    expect(m.browser_action.default_popup).toBe('popup.html');
    expect(readFileSync(join(FIREFOX, 'page-watch.js')).length).toBeGreaterThan(1000);
    expect(m.content_scripts[0].js).toEqual(['page-watch.js']);
  });

  it('has a permanent add-on id, declares that it collects no data, and has its icons', () => {
    const m = manifestOf(FIREFOX);
    const gecko = m.browser_specific_settings.gecko;
    expect(gecko.id).toMatch(/^[a-z0-9-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(gecko.id).not.toMatch(/example\.(org|com)$/);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    // The declaration is understood from Firefox 140 (desktop) and 142 (Android).
    expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(Number.parseFloat(m.browser_specific_settings.gecko_android.strict_min_version)).toBeGreaterThanOrEqual(142);
    expectIcons(FIREFOX, m.icons);
    expectIcons(FIREFOX, m.browser_action.default_icon);
  });

  it('web-ext lint finds no error, no warning and no notice', () => {
    const r = spawnSync('npx', ['web-ext', 'lint', '--source-dir', FIREFOX, '--output', 'json', '--no-input'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { summary: Record<string, number>; errors: unknown[]; warnings: unknown[]; notices: unknown[] };
    expect({ errors: report.errors, warnings: report.warnings, notices: report.notices }).toEqual({ errors: [], warnings: [], notices: [] });
  }, 180_000);
});

describe('npm run zip', () => {
  let out: string;
  let zips: Record<string, string[]>;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'bl-zip-'));
    const r = spawnSync('npm', ['run', 'zip'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BUDGET_LENS_OUTPUT: out } });
    if (r.status !== 0) throw new Error(`npm run zip failed:\n${r.stdout}\n${r.stderr}`);
    zips = {};
    for (const kind of ['chrome', 'firefox', 'sources']) {
      const path = join(out, `budget-lens-0.1.0-${kind}.zip`);
      zips[kind] = existsSync(path) ? zipEntries(readFileSync(path)) : [];
    }
  }, 240_000);
  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('makes the Chrome and the Firefox package, each with its manifest and icons', () => {
    for (const kind of ['chrome', 'firefox']) {
      expect(zips[kind]).toContain('manifest.json');
      for (const size of ICON_SIZES) expect(zips[kind]).toContain(`icon/${size}.png`);
      expect(zips[kind]).toContain('page-watch.js');
    }
  });

  it('the sources zip holds what rebuilds the package, and no build output, log or local file', () => {
    const files = zips['sources']!.filter((f) => !f.endsWith('/'));
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'README.md', 'entrypoints/page-watch.ts', 'lib/detect.ts', 'public/icon/128.png', 'scripts/vite-store-clean.ts', 'scripts/build-cli.mjs']) {
      expect(files).toContain(needed);
    }
    const stray = files.filter((f) => /^(out|dist|\.output|\.wxt|node_modules|coverage|test)\//.test(f) || /(^|\/)\.|\.log$|\.zip$|\.ci-results/.test(f) || f.startsWith('/'));
    expect(stray).toEqual([]);
  });
});
