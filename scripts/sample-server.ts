/**
 * A local HTTP server for the end-to-end tests and the demo (127.0.0.1 only): the fixture pages and PDFs, plus pages that
 * real sites produce (tables loaded late by script, a PDF served from an address without .pdf, a
 * disclosure page that only links its PDFs, a cell whose text looks like markup).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const FIX = join(import.meta.dirname, '..', 'test', 'fixtures');
const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');

export interface TestServer {
  url: string;
  /** Paths requested, in order (absolute URLs and `CONNECT host:port` when used as a proxy). */
  requests: string[];
  /** Every request with its method, in order. */
  log: { method: string; url: string }[];
  close(): Promise<void>;
}

export const HOSTILE_TEXT = '<img src=x onerror="window.__blPwned=1">';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 000-word-cms with one project's name (in its first table) replaced by text that looks like an image tag (escaped, as a CMS shows it). */
function hostilePage(): string {
  const html = readFileSync(join(FIX, 'html', '000-word-cms.html'), 'utf8');
  // Only in the project table: the performance table keeps the real name, so the project is reported
  // as missing there, and the hostile text appears in the finding.
  return html.replace('档案专项经费', esc(HOSTILE_TEXT));
}

const AJAX_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>部门预算公开 - 信息公开</title></head>
<body><h1>信息公开</h1><div id="content">加载中…</div>
<script>
setTimeout(function () {
  fetch('/html/001-excel-export.html').then(function (r) { return r.text(); }).then(function (t) {
    var d = new DOMParser().parseFromString(t, 'text/html');
    var c = document.getElementById('content');
    c.replaceChildren.apply(c, Array.prototype.slice.call(d.body.childNodes));
  });
}, 800);
</script></body></html>`;

const LINKS_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>2024年部门预算公开</title></head>
<body><h1>洛阳市城乡一体化示范区党政办公室2024年部门预算公开</h1>
<p>附件：<a href="/pdf/000-word-cms-portrait.pdf">2024年部门预算公开（附表）.pdf</a></p>
<p>附件：<a href="/pdf/003-clean-gbk-portrait.pdf">2023年部门预算说明.pdf</a></p>
<p>附件：<a href="https://example.org/landing.html#.pdf">2024年部门预算附表</a></p>
<p>附件：<a href="/page.html?file=budget.pdf">2024年部门决算附表</a></p>
</body></html>`;

/**
 * A percent-encoded attachment address whose last 120 characters start inside an escape (as a long Chinese
 * file name on a CMS gives): decoding that tail naively throws.
 */
export function encodedPdfHref(): string {
  const name = encodeURIComponent('洛阳市城乡一体化示范区党政办公室2024年部门预算公开附表及说明.pdf');
  for (let pad = 0; pad < 9; pad++) {
    const href = `/files/upload/${'0'.repeat(pad)}/${name}`;
    try {
      decodeURIComponent(href.slice(-120));
    } catch {
      return href;
    }
  }
  throw new Error('no cut escape');
}

/** 000-word-cms with its PDF attachment linked by such an address. */
function encodedLinkPage(): string {
  const html = readFileSync(join(FIX, 'html', '000-word-cms.html'), 'utf8');
  return html.replace('<body>', `<body><p>附件：<a href="${encodedPdfHref()}">附件1</a></p>`);
}
/** A charity's 收支情况 statement: the cheap detector says "budget page", the full analysis says no. */
export const CHARITY_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>爱心慈善基金会2023年度预算情况</title></head><body>
<h1>爱心慈善基金会2023年度收支情况</h1><p>单位：万元</p>
<table border="1"><tr><th>项目</th><th>本年收入</th><th>本年支出</th></tr>
<tr><td>捐赠收入</td><td>120.00</td><td>0.00</td></tr><tr><td>助学项目</td><td>0.00</td><td>80.00</td></tr>
<tr><td>合计</td><td>120.00</td><td>80.00</td></tr></table>
<table border="1"><tr><th>收入总计</th><th>支出总计</th></tr><tr><td>120.00</td><td>80.00</td></tr></table>
</body></html>`;

/** Records every message posted to the page, from the first moment (an ordinary page's handler). */
const LISTEN = `<script>window.__msgs=[];addEventListener('message',function(e){window.__msgs.push(typeof e.data==='string'?e.data:JSON.stringify(e.data));});</script>`;

/** Pages that try to use the extension: named by the test through ?viewer= (the viewer's address). */
function attackPage(kind: string, viewer: string, target: string): string {
  const v = JSON.stringify(viewer);
  const t = JSON.stringify(target);
  if (kind === 'frame') return `<!doctype html><html><head><meta charset="utf-8"><title>frame</title></head><body><iframe id="f" width="800" height="600"></iframe><script>document.getElementById('f').src=${v}+'?file='+encodeURIComponent(${t});</script></body></html>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>nav</title></head><body><script>setTimeout(function(){location.href=${v}+'?file='+encodeURIComponent(${t});},100);</script></body></html>`;
}

/** Form pages: a POST answered with a PDF (address without and with .pdf). */
const FORM_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>查询</title></head><body>
<form id="a" method="post" action="/post-result"><input name="q" value="1"><button>go</button></form>
<form id="b" method="post" action="/form/result.pdf"><input name="q" value="1"><button>go</button></form></body></html>`;

/** `files`: documents a test makes (a scanned PDF, …), served at /gen/<name>. */
export async function startServer(opts: { files?: Record<string, Uint8Array> } = {}): Promise<TestServer> {
  const requests: string[] = [];
  const log: { method: string; url: string }[] = [];
  const onceServed = new Set<string>();
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '/');
    log.push({ method: req.method ?? 'GET', url: req.url ?? '/' });
    // A request through the proxy names another host: never served.
    if (!(req.url ?? '/').startsWith('/')) {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('no network here');
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    } catch {
      path = '';
    }
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    try {
      const made = path.startsWith('/gen/') ? opts.files?.[path.slice(5)] : undefined;
      if (made) return send(200, 'application/pdf', Buffer.from(made));
      if (path.startsWith('/html/') && /^[\w.-]+\.html$/.test(path.slice(6))) {
        // No charset header: the page's own <meta> decides (the GBK fixture relies on it).
        return send(200, 'text/html', readFileSync(join(FIX, 'html', path.slice(6))));
      }
      if (path.startsWith('/pdf/') && /^[\w.-]+\.pdf$/.test(path.slice(5))) return send(200, 'application/pdf', readFileSync(join(FIX, 'pdf', path.slice(5))));
      if (path === '/download') {
        const name = new URL(req.url ?? '', 'http://x').searchParams.get('name') ?? '';
        if (!/^[\w.-]+$/.test(name)) return send(404, 'text/plain', 'no');
        return send(200, 'application/pdf', readFileSync(join(FIX, 'pdf', `${name}.pdf`)));
      }
      // The real 决算 PDFs, read in place from ../shared/corpus (never copied into the repository).
      if (path.startsWith('/corpus/') && /^[\w.-]+\.pdf$/.test(path.slice(8))) return send(200, 'application/pdf', readFileSync(join(CORPUS, path.slice(8))));
      // Any attachment under /files/ (names percent-encoded, as CMSs store them) is the 000 sample PDF.
      if (path.startsWith('/files/') && path.endsWith('.pdf')) return send(200, 'application/pdf', readFileSync(join(FIX, 'pdf', '000-word-cms-portrait.pdf')));
      if (path === '/encoded-link.html') return send(200, 'text/html; charset=utf-8', encodedLinkPage());
      if (path === '/ajax.html') return send(200, 'text/html; charset=utf-8', AJAX_PAGE);
      if (path === '/links.html') return send(200, 'text/html; charset=utf-8', LINKS_PAGE);
      if (path === '/hostile.html') return send(200, 'text/html; charset=utf-8', hostilePage());
      const q = new URL(req.url ?? '', 'http://x').searchParams;
      if (path === '/charity.html') return send(200, 'text/html; charset=utf-8', CHARITY_PAGE);
      if (path === '/listen.html') return send(200, 'text/html; charset=utf-8', readFileSync(join(FIX, 'html', '000-word-cms.html'), 'utf8').replace(/<head>/i, `<head>${LISTEN}`));
      if (path === '/listen-plain.html') return send(200, 'text/html; charset=utf-8', readFileSync(join(FIX, 'html', 'news-plain.html'), 'utf8').replace(/<head>/i, `<head>${LISTEN}`));
      if (path === '/attack.html') return send(200, 'text/html; charset=utf-8', attackPage(q.get('kind') ?? 'nav', q.get('viewer') ?? '', q.get('target') ?? ''));
      if (path === '/form.html') return send(200, 'text/html; charset=utf-8', FORM_PAGE);
      // A PDF that a page wants the extension to fetch with the reader's cookies.
      if (path.startsWith('/secret/')) return send(200, 'application/pdf', readFileSync(join(FIX, 'pdf', 'nonembedded-cjk.pdf')));
      // A single-use download link: the second request is refused, as real ones are.
      if (path.startsWith('/once/')) {
        if (onceServed.has(path)) return send(410, 'text/plain', 'gone');
        onceServed.add(path);
        return send(200, 'application/pdf', readFileSync(join(FIX, 'pdf', 'nonembedded-cjk.pdf')));
      }
      if (path === '/post-result' || path === '/form/result.pdf') {
        if (req.method !== 'POST') return send(405, 'text/plain', 'POST only');
        req.resume();
        return send(200, 'application/pdf', readFileSync(join(FIX, 'pdf', 'nonembedded-cjk.pdf')));
      }
      return send(404, 'text/plain', 'not found');
    } catch {
      return send(404, 'text/plain', 'not found');
    }
  });
  // As an HTTP proxy (the Firefox test sets it for every other host): HTTPS tunnels are logged and refused.
  server.on('connect', (req, socket) => {
    requests.push(`CONNECT ${req.url ?? ''}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
