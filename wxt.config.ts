import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { apply, storeClean, TESSERACT_WORKER_PATCHES } from './scripts/vite-store-clean';

const require = createRequire(import.meta.url);
const PDFJS = dirname(require.resolve('pdfjs-dist/package.json'));
const TESSERACT = dirname(require.resolve('tesseract.js/package.json'));
const TESSERACT_CORE = dirname(require.resolve('tesseract.js-core/package.json'));
/** tesseract.js's worker with its `Function` fallbacks replaced (scripts/vite-store-clean.ts), for store review. */
function patchedTesseractWorker(): string {
  const out = join(import.meta.dirname, '.wxt', 'tesseract-worker.min.js');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, apply(readFileSync(join(TESSERACT, 'dist', 'worker.min.js'), 'utf8'), TESSERACT_WORKER_PATCHES, 'tesseract.js worker'));
  return out;
}

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
 * Firefox: the add-on's permanent id (AMO ties updates and reviews to it) and the data-collection declaration
 * new add-ons must make — BudgetLens collects and transmits nothing. The declaration is understood from
 * Firefox 140 (desktop) and 142 (Android), hence the minimum versions.
 */
export const GECKO = {
  id: 'budget-lens@budgetlens.org',
  strict_min_version: '140.0',
  data_collection_permissions: { required: ['none'] },
};

/**
 * Permissions, each for one reason (README lists them):
 *  storage — the reader's options and each tab's last result;
 *  declarativeNetRequestWithHostAccess (Chrome) / webRequestBlocking (Firefox) — open PDF links in the viewer;
 *  webRequest — notice PDFs served without ".pdf" in the address (Content-Type: application/pdf);
 *  host access to all sites — the content script reads budget pages wherever they are published, and the
 *  viewer reads the PDF the reader opened.
 */
/**
 * What AMO reviewers get to rebuild the Firefox package (`npm ci && npm run build:firefox`): the sources and
 * build files only, listed here rather than excluded, so screenshots, logs, reports and local paths under
 * out/, dist/ or anywhere else can never slip in.
 */
const SOURCES = [
  'README.md', 'package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts',
  'entrypoints/**', 'components/**', 'lib/**', 'public/**', 'assets/**', 'bin/**',
  'scripts/build-cli.mjs', 'scripts/vite-store-clean.ts', 'scripts/make-icons.ts', 'scripts/browser.ts',
];

export default defineConfig({
  // Tests zip into a temporary folder so that they never rebuild the packages other tests are using.
  outDir: process.env['BUDGET_LENS_OUTPUT'] ?? '.output',
  zip: { includeSources: SOURCES, excludeSources: ['**/*'] },
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), storeClean()],
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
      ...(firefox ? { browser_specific_settings: { gecko: GECKO, gecko_android: { strict_min_version: '142.0' } } } : {}),
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
      files.push({ absoluteSrc: patchedTesseractWorker(), relativeDest: 'ocr/worker.min.js' });
      files.push({ absoluteSrc: join(TESSERACT_CORE, 'tesseract-core-simd-lstm.wasm.js'), relativeDest: 'ocr/core/tesseract-core-simd-lstm.wasm.js' });
      const model = chiSim();
      if (model) files.push({ absoluteSrc: model, relativeDest: 'ocr/lang/chi_sim.traineddata' });
    },
  },
});
