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
    const js = readFileSync(join(CHROME, 'content-scripts', 'content.js'));
    expect(gzipSync(js, { level: 9 }).length).toBeLessThanOrEqual(8 * 1024);
  });

  it('asks for exactly the documented permissions', () => {
    const m = manifest();
    expect(m.manifest_version).toBe(3);
    expect([...m.permissions].sort()).toEqual(['declarativeNetRequestWithHostAccess', 'storage', 'webRequest']);
    expect(m.host_permissions).toEqual(['<all_urls>']);
    expect(m.web_accessible_resources).toEqual([{ resources: ['content-analysis.js', 'viewer.html'], matches: ['<all_urls>'] }]);
    expect(m.content_security_policy.extension_pages).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self';");
    expect(m.content_scripts[0].matches.sort()).toEqual(['file:///*', 'http://*/*', 'https://*/*']);
  });

  it('bundles pdf.js character maps and fonts (nothing fetched from a network)', () => {
    expect(readFileSync(join(CHROME, 'pdfjs', 'cmaps', 'UniGB-UCS2-H.bcmap')).length).toBeGreaterThan(1000);
    expect(readFileSync(join(CHROME, 'pdfjs', 'standard_fonts', 'FoxitSerif.pfb')).length).toBeGreaterThan(1000);
  });
});

// Built by the global setup (scripts/build-extension.ts), like the Chrome package.
describe('Firefox MV2 build', () => {
  it('is a valid MV2 manifest with blocking webRequest in place of redirect rules', () => {
    const m = JSON.parse(readFileSync(join(FIREFOX, 'manifest.json'), 'utf8'));
    expect(m.manifest_version).toBe(2);
    expect([...m.permissions].sort()).toEqual(['<all_urls>', 'storage', 'webRequest', 'webRequestBlocking']);
    expect(m.browser_specific_settings.gecko.id).toBeTruthy();
    expect(m.web_accessible_resources).toEqual(['content-analysis.js', 'viewer.html']);
    expect(m.browser_action.default_popup).toBe('popup.html');
    expect(readFileSync(join(FIREFOX, 'content-scripts', 'content.js')).length).toBeGreaterThan(1000);
  });
});
