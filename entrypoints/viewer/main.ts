/**
 * BudgetLens's PDF viewer: pdf.js (modern build, module worker) rendering with a text layer, the same
 * analysis as on pages, highlights on the page boxes, the side panel.
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { browser } from 'wxt/browser';
import { loadSettings, uiLang } from '../../components/ext/settings-store';
import { injectPageStyles, VIEWER_STYLES } from '../../components/styles';
import { startViewer, type ViewerOptions } from '../../components/viewer/ViewerApp';
import type { PdfjsModule } from '../../lib/extract/pdf/pdfjs-api';
import { viewerFileParam } from '../../lib/messages';
import { ruleFilter } from '../../lib/settings';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

injectPageStyles(VIEWER_STYLES);

const file = viewerFileParam(location.search);
const root = document.getElementById('app')!;
const settings = await loadSettings();
const assets = (browser.runtime.getURL as (p: string) => string)('/pdfjs/');
if (!file) {
  root.textContent = '缺少文件地址 / no file given (viewer.html?file=<url>)';
} else {
  const opts: ViewerOptions = {
    pdfjs: pdfjs as unknown as ViewerOptions['pdfjs'],
    documentOptions: { cMapUrl: `${assets}cmaps/`, cMapPacked: true, standardFontDataUrl: `${assets}standard_fonts/`, wasmUrl: `${assets}wasm/`, isEvalSupported: false },
    fileUrl: file,
    lang: uiLang(settings),
    rules: { policy: settings.tolerance, enabled: ruleFilter(settings) },
    openOriginal: (url) => void browser.runtime.sendMessage({ type: 'bl:open-original', url }),
    stopIntercepting: () => void browser.runtime.sendMessage({ type: 'bl:intercept', on: false }).then(() => browser.runtime.sendMessage({ type: 'bl:open-original', url: file })),
    ocr: () => import('./ocr').then((m) => m.viewerOcr()),
    ocrAuto: settings.ocrAuto,
  };
  void (pdfjs as unknown as PdfjsModule);
  startViewer(root, opts);
}
