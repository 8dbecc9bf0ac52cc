/**
 * The built packages: the always-loaded content script stays small, the manifests ask for the permissions
 * the README lists and no more, and the Firefox build is valid MV2 with the same parts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const CHROME = join(ROOT, '.output', 'chrome-mv3');
const FIREFOX = join(ROOT, '.output', 'firefox-mv2');

describe('Chrome MV3 build', () => {
  const manifest = () => JSON.parse(readFileSync(join(CHROME, 'manifest.json'), 'utf8'));

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

  it('bundles pdf.js character maps and fonts (nothing fetched from a network)', () => {
    expect(readFileSync(join(CHROME, 'pdfjs', 'cmaps', 'UniGB-UCS2-H.bcmap')).length).toBeGreaterThan(1000);
    expect(readFileSync(join(CHROME, 'pdfjs', 'standard_fonts', 'FoxitSerif.pfb')).length).toBeGreaterThan(1000);
  });
});

describe('Firefox MV2 build', () => {
  beforeAll(() => {
    const r = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  }, 120_000);

  it('is a valid MV2 manifest with blocking webRequest in place of redirect rules', () => {
    const m = JSON.parse(readFileSync(join(FIREFOX, 'manifest.json'), 'utf8'));
    expect(m.manifest_version).toBe(2);
    expect([...m.permissions].sort()).toEqual(['<all_urls>', 'storage', 'webRequest', 'webRequestBlocking']);
    expect(m.browser_specific_settings.gecko.id).toBeTruthy();
    expect(m.web_accessible_resources).toEqual(['content-analysis.js', 'viewer.html']);
    expect(m.browser_action.default_popup).toBe('popup.html');
    expect(readFileSync(join(FIREFOX, 'page-watch.js')).length).toBeGreaterThan(1000);
    expect(m.content_scripts[0].js).toEqual(['page-watch.js']);
  });
});
