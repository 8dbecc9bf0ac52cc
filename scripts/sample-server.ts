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
  /** Paths requested, in order. */
  requests: string[];
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
</body></html>`;

/** `files`: documents a test makes (a scanned PDF, …), served at /gen/<name>. */
export async function startServer(opts: { files?: Record<string, Uint8Array> } = {}): Promise<TestServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    requests.push(req.url ?? '/');
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
      if (path === '/ajax.html') return send(200, 'text/html; charset=utf-8', AJAX_PAGE);
      if (path === '/links.html') return send(200, 'text/html; charset=utf-8', LINKS_PAGE);
      if (path === '/hostile.html') return send(200, 'text/html; charset=utf-8', hostilePage());
      return send(404, 'text/plain', 'not found');
    } catch {
      return send(404, 'text/plain', 'not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
