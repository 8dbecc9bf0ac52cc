/**
 * A Vite plugin that removes from the bundle the few library code paths a store reviewer (and
 * `web-ext lint`) flags, none of which BudgetLens uses:
 *  - Preact's `dangerouslySetInnerHTML` writes innerHTML: it becomes textContent, so even a future misuse can
 *    only ever insert text (our UI never inserts HTML);
 *  - pdf.js probes `new Function("")` and can compile PostScript functions with `new Function` (the viewer
 *    passes isEvalSupported: false, so the interpreter is used anyway): both are cut;
 *  - pdf.js imports scripts by computed address for its main-thread "fake worker" and for a JPEG 2000
 *    decoder without WebAssembly (the viewer runs the real module worker and ships the wasm): both reject.
 * Each patch must apply: after a pdf.js or Preact upgrade the build fails here rather than ship unreviewed.
 */
import type { Plugin } from 'vite';

export interface Patch {
  what: string;
  from: RegExp;
  to: string;
}

const DYNAMIC_IMPORT = /await import\(\s*\/\*webpackIgnore: true\*\/\s*\/\*@vite-ignore\*\/\s*[\w.]+\)/g;
const REJECT = 'await Promise.reject(new Error("BudgetLens: not loaded"))';

/**
 * tesseract.js (the viewer's OCR, loaded only when the reader asks for it) carries two fallbacks for
 * engines without globalThis, both `Function` constructors: they become plain globalThis code.
 */
export const TESSERACT_PATCHES: Patch[] = [
  { what: 'regenerator fallback', from: /Function\("r","regeneratorRuntime = r"\)\(/g, to: '(function(r){globalThis.regeneratorRuntime=r})(' },
];
export const TESSERACT_WORKER_PATCHES: Patch[] = [
  ...TESSERACT_PATCHES,
  { what: 'global object fallback', from: /new Function\("return this"\)\(\)/g, to: 'globalThis' },
];

const SOURCES: { file: RegExp; patches: Patch[] }[] = [
  { file: /node_modules\/tesseract\.js\/dist\/tesseract\.esm\.min\.js/, patches: TESSERACT_PATCHES },
  { file: /node_modules\/preact\/dist\/preact\.module\.js/, patches: [{ what: 'innerHTML', from: /\.innerHTML\b/g, to: '.textContent' }] },
  {
    file: /node_modules\/pdfjs-dist\/build\/pdf\.mjs/,
    patches: [
      { what: 'eval probe', from: /new Function\(""\);/g, to: 'throw new Error("no eval");' },
      { what: 'fake worker import', from: DYNAMIC_IMPORT, to: REJECT },
    ],
  },
];

const WORKER: Patch[] = [
  { what: 'eval probe', from: /new Function\(""\)/g, to: '(()=>{throw 0})()' },
  { what: 'PostScript compiler', from: /if\((\w+)\)return new Function\("src","srcOffset","dest","destOffset",\1\)/g, to: '' },
  { what: 'JPEG 2000 JS fallback import', from: DYNAMIC_IMPORT, to: REJECT },
];

export function apply(code: string, patches: Patch[], where: string): string {
  for (const p of patches) {
    const n = code.match(p.from)?.length ?? 0;
    if (!n) throw new Error(`vite-store-clean: "${p.what}" not found in ${where}; check the patch after the upgrade`);
    code = code.replace(p.from, p.to);
  }
  return code;
}

export function storeClean(): Plugin {
  return {
    name: 'budget-lens-store-clean',
    enforce: 'pre',
    transform(code, id) {
      const s = SOURCES.find((x) => x.file.test(id.replace(/\\/g, '/')));
      return s ? { code: apply(code, s.patches, id), map: null } : null;
    },
    generateBundle(_opts, bundle) {
      for (const out of Object.values(bundle)) {
        if (out.type === 'asset' && /pdf\.worker[^/]*\.mjs$/.test(out.fileName)) {
          const src = typeof out.source === 'string' ? out.source : new TextDecoder().decode(out.source);
          out.source = apply(src, WORKER, out.fileName);
        }
      }
    },
  };
}
