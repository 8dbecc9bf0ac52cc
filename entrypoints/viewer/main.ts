/**
 * BudgetLens's PDF viewer: pdf.js (modern build, module worker) rendering with a text layer, the same
 * analysis as on pages, highlights on the page boxes, the side panel.
 *
 * It reads a file with the reader's cookies, so it reads only what the reader opened: not inside a frame,
 * only http(s), and only with the one-time token the extension put in its address (checked by the
 * background). Opened any other way it asks first, and only a real click goes on.
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { browser } from 'wxt/browser';
import { loadSettings, uiLang } from '../../components/ext/settings-store';
import { t } from '../../components/i18n';
import { injectPageStyles, VIEWER_STYLES } from '../../components/styles';
import { refuseSyntheticEvents } from '../../components/trusted-events';
import { startViewer, type ViewerOptions } from '../../components/viewer/ViewerApp';
import { parseMessage, viewerFileParam, viewerTokenParam } from '../../lib/messages';
import { ruleFilter } from '../../lib/settings';
import { isHttpUrl } from '../../lib/url-safety';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

const root = document.getElementById('app')!;
const framed = (() => {
  try {
    return window.top !== window.self;
  } catch {
    return true;
  }
})();

if (framed) {
  // Nothing is fetched, nothing is drawn but one line.
  root.textContent = `${t('zh', 'framed')} / ${t('en', 'framed')}`;
} else {
  refuseSyntheticEvents(window);
  injectPageStyles(VIEWER_STYLES);
  void start();
}

const GRANTED = 'bl-granted';

async function allowed(file: string): Promise<boolean> {
  // A reload of a tab the extension opened keeps its permission (sessionStorage is this tab's, ours only).
  if (sessionStorage.getItem(GRANTED) === file) return true;
  const token = viewerTokenParam(location.search);
  const ok = token ? await browser.runtime.sendMessage({ type: 'bl:claim', file, token }).catch(() => false) : false;
  // The token is spent: take it out of the address (history, copies of the link).
  history.replaceState(null, '', `${location.pathname}?file=${encodeURIComponent(file)}`);
  if (ok === true) sessionStorage.setItem(GRANTED, file);
  return ok === true;
}

/** Without a token: show the address and wait for a real click before anything is fetched. */
function ask(file: string, lang: 'zh' | 'en'): Promise<void> {
  return new Promise((resolve) => {
    const box = document.createElement('div');
    box.className = 'bl bl-ask';
    box.style.cssText = 'max-width:640px;margin:64px auto;font:14px/1.6 system-ui,sans-serif;display:grid;gap:12px';
    const p = document.createElement('p');
    p.textContent = t(lang, 'askOpen');
    const code = document.createElement('code');
    code.style.wordBreak = 'break-all';
    code.textContent = file;
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset['action'] = 'read-file';
    b.textContent = t(lang, 'openIt');
    b.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      sessionStorage.setItem(GRANTED, file);
      box.remove();
      resolve();
    });
    box.append(p, code, b);
    root.appendChild(box);
  });
}

async function start(): Promise<void> {
  const file = viewerFileParam(location.search);
  const settings = await loadSettings();
  const lang = uiLang(settings);
  if (!file) {
    root.textContent = '缺少文件地址 / no file given (viewer.html?file=<url>)';
    return;
  }
  if (!isHttpUrl(file)) {
    root.textContent = t(lang, 'onlyHttp');
    return;
  }
  if (!(await allowed(file))) await ask(file, lang);
  const assets = (browser.runtime.getURL as (p: string) => string)('/pdfjs/');
  const opts: ViewerOptions = {
    pdfjs: pdfjs as unknown as ViewerOptions['pdfjs'],
    documentOptions: { cMapUrl: `${assets}cmaps/`, cMapPacked: true, standardFontDataUrl: `${assets}standard_fonts/`, wasmUrl: `${assets}wasm/`, isEvalSupported: false },
    fileUrl: file,
    lang,
    ticks: settings.ticks,
    rules: { policy: settings.tolerance, enabled: ruleFilter(settings) },
    openOriginal: (url) => {
      if (isHttpUrl(url)) void browser.runtime.sendMessage({ type: 'bl:open-original', url });
    },
    stopIntercepting: () => void browser.runtime.sendMessage({ type: 'bl:intercept', on: false }).then(() => browser.runtime.sendMessage({ type: 'bl:open-original', url: file })),
    ocr: () => import('./ocr').then((m) => m.viewerOcr()),
    ocrAuto: settings.ocrAuto,
    onState: (state) => void browser.runtime.sendMessage({ type: 'bl:state', state }).catch(() => undefined),
    expose: (api) => (panel = api),
  };
  let panel: { show(): void } | undefined;
  // The popup's "show the panel" for the viewer in its tab (tab messages reach content scripts only).
  const own = await browser.tabs.getCurrent().catch(() => undefined);
  browser.runtime.onMessage.addListener((raw: unknown) => {
    const m = parseMessage(raw);
    if (m?.type === 'bl:show-viewer-panel' && own?.id === m.tabId) panel?.show();
    return undefined;
  });
  startViewer(root, opts);
}
