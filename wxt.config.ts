import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const require = createRequire(import.meta.url);
const PDFJS = dirname(require.resolve('pdfjs-dist/package.json'));
const TESSERACT = dirname(require.resolve('tesseract.js/package.json'));
const TESSERACT_CORE = dirname(require.resolve('tesseract.js-core/package.json'));
/** Debian's tesseract-ocr-chi-sim (scripts/ensure-system.sh installs it): the model the viewer's OCR reads. */
function chiSim(): string | undefined {
  const root = '/usr/share/tesseract-ocr';
  if (!existsSync(root)) return undefined;
  for (const v of readdirSync(root).sort().reverse()) {
    const f = join(root, v, 'tessdata', 'chi_sim.traineddata');
    if (existsSync(f)) return f;
  }
  return undefined;
}

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
    const csp = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';";
    return {
      name: 'BudgetLens 预算透镜',
      description: 'Checks Chinese government budget disclosures (部门预算/决算) for internal consistency, on the page and in PDFs. Nothing leaves your browser.',
      permissions: mv3
        ? ['storage', 'webRequest', ...(firefox ? ['webRequestBlocking'] : ['declarativeNetRequestWithHostAccess'])]
        : ['storage', 'webRequest', 'webRequestBlocking', '<all_urls>'],
      ...(mv3 ? { host_permissions: ['<all_urls>'] } : {}),
      web_accessible_resources: mv3 ? [{ resources: ['content-analysis.js', 'viewer.html'], matches: ['<all_urls>'] }] : ['content-analysis.js', 'viewer.html'],
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
      // OCR for scanned PDFs (loaded by the viewer only when the reader asks to read scanned pages):
      // tesseract.js's worker, its WebAssembly core (LSTM only, SIMD: Chrome 91+, Firefox 89+), the Chinese model.
      files.push({ absoluteSrc: join(TESSERACT, 'dist', 'worker.min.js'), relativeDest: 'ocr/worker.min.js' });
      files.push({ absoluteSrc: join(TESSERACT_CORE, 'tesseract-core-simd-lstm.wasm.js'), relativeDest: 'ocr/core/tesseract-core-simd-lstm.wasm.js' });
      const model = chiSim();
      if (model) files.push({ absoluteSrc: model, relativeDest: 'ocr/lang/chi_sim.traineddata' });
    },
  },
});
