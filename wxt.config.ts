import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const require = createRequire(import.meta.url);
const PDFJS = dirname(require.resolve('pdfjs-dist/package.json'));

/**
 * Permissions, each for one reason (README lists them):
 *  storage — the reader's options and each tab's last result;
 *  declarativeNetRequestWithHostAccess (Chrome) / webRequestBlocking (Firefox) — open PDF links in the viewer;
 *  webRequest — notice PDFs served without ".pdf" in the address (Content-Type: application/pdf);
 *  host access to all sites — the content script reads budget pages wherever they are published, and the
 *  viewer reads the PDF the reader opened.
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    build: { chunkSizeWarningLimit: 2500 },
  }),
  manifest: ({ browser, manifestVersion }) => {
    const firefox = browser === 'firefox';
    const mv3 = manifestVersion === 3;
    // frame-ancestors: no page may frame the viewer (or any other page of ours) — it would show
    // documents that forbid framing and invite clickjacking.
    const csp = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; frame-ancestors 'none';";
    // The two files pages need: the viewer (a redirect target) and the analysis the content script imports.
    // Chrome serves them only under a per-session random id (use_dynamic_url), so a page cannot probe
    // for the extension or fetch its code; Firefox already uses a random per-install origin.
    const war = ['content-analysis.js', 'viewer.html'];
    return {
      name: 'BudgetLens 预算透镜',
      description: 'Checks Chinese government budget disclosures (部门预算/决算) for internal consistency, on the page and in PDFs. Nothing leaves your browser.',
      permissions: mv3
        ? ['storage', 'webRequest', ...(firefox ? ['webRequestBlocking'] : ['declarativeNetRequestWithHostAccess'])]
        : ['storage', 'webRequest', 'webRequestBlocking', '<all_urls>'],
      ...(mv3 ? { host_permissions: ['<all_urls>'] } : {}),
      web_accessible_resources: mv3 ? [{ resources: war, matches: ['<all_urls>'], ...(firefox ? {} : { use_dynamic_url: true }) }] : war,
      // The page watcher is an unlisted script declared here (see entrypoints/page-watch.ts for why).
      content_scripts: [{ matches: ['http://*/*', 'https://*/*', 'file:///*'], js: ['page-watch.js'], run_at: 'document_idle' }],
      content_security_policy: mv3 ? { extension_pages: csp } : csp,
      action: { default_title: 'BudgetLens 预算透镜' },
      ...(firefox ? { browser_specific_settings: { gecko: { id: 'budget-lens@example.org', strict_min_version: '115.0' } } } : {}),
    };
  },
  hooks: {
    // pdf.js's character maps, standard fonts and decoders, served from the extension itself (no network).
    'build:publicAssets': (_wxt, files) => {
      for (const dir of ['cmaps', 'standard_fonts', 'wasm']) {
        for (const f of readdirSync(join(PDFJS, dir))) files.push({ absoluteSrc: join(PDFJS, dir, f), relativeDest: `pdfjs/${dir}/${f}` });
      }
    },
  },
});
