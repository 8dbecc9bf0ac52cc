import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { analyze, type Analysis } from '../lib/analyze';
import { extractDom } from '../lib/extract/dom/extract';
import { decodeHtml } from '../lib/extract/html-source';
import { wrapFragment } from '../lib/cli/load-html';
import type { Finding } from '../lib/rules/types';
import type { RuleOptions } from '../lib/rules/engine';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'html');

export function fixtureDocument(name: string): Document {
  const { text } = decodeHtml(readFileSync(join(FIXTURES, name)));
  return parseHTML(text).document as unknown as Document;
}

export function analyzeDocument(document: Document, source = 'test', opts?: RuleOptions): Analysis {
  return analyze(extractDom(document, { source }), opts);
}

export function analyzeFixture(name: string, opts?: RuleOptions): Analysis {
  return analyzeDocument(fixtureDocument(name), name, opts);
}

export function analyzeHtml(html: string, opts?: RuleOptions): Analysis {
  return analyzeDocument(parseHTML(wrapFragment(html)).document as unknown as Document, 'inline', opts);
}

/** Change a fixture page, then analyse it: how single injected errors are made. */
export function analyzeMutated(name: string, mutate: (doc: Document) => void, opts?: RuleOptions): Analysis {
  const doc = fixtureDocument(name);
  mutate(doc);
  return analyzeDocument(doc, name, opts);
}

/** The table element whose nearest preceding title (or own first rows) contains `title`. */
export function tableAfter(doc: Document, title: string, nth = 0): Element {
  const all = [...doc.querySelectorAll('table')];
  const hits = all.filter((t) => {
    let prev: Element | null = t;
    for (let i = 0; i < 8 && prev; i++) {
      prev = previousElement(prev);
      if (prev?.tagName === 'TABLE' && !isCaptionTable(prev)) break;
      if (prev && prev.textContent?.replace(/\s+/g, '').includes(title)) return true;
    }
    return (t.textContent ?? '').replace(/\s+/g, '').slice(0, 120).includes(title);
  });
  const t = hits[nth];
  if (!t) throw new Error(`no table titled ${title}`);
  return t;
}

function isCaptionTable(t: Element): boolean {
  return t.querySelectorAll('tr').length <= 1;
}

function previousElement(el: Element): Element | null {
  let cur: Element | null = el;
  while (cur) {
    if (cur.previousElementSibling) {
      cur = cur.previousElementSibling;
      while (cur.lastElementChild && cur.tagName !== 'TABLE' && cur.tagName !== 'P' && !/^H\d$/.test(cur.tagName)) cur = cur.lastElementChild;
      return cur;
    }
    cur = cur.parentElement;
    if (!cur || cur.tagName === 'BODY') return null;
  }
  return null;
}

/** Replace the text of the first cell (td/th) of `table` whose text matches, in row `rowMatch` if given. */
export function setCell(table: Element, rowMatch: RegExp | null, cellMatch: RegExp, value: string, nth = 0): void {
  const rows = [...table.querySelectorAll('tr')].filter((r) => !rowMatch || rowMatch.test((r.textContent ?? '').replace(/\s+/g, '')));
  let seen = 0;
  for (const r of rows) {
    for (const c of r.querySelectorAll('td,th')) {
      if (cellMatch.test((c.textContent ?? '').replace(/\s+/g, '').replace(/&nbsp;/g, ''))) {
        if (seen++ < nth) continue;
        replaceText(c, value);
        return;
      }
    }
  }
  throw new Error(`no cell ${cellMatch} in row ${rowMatch}`);
}

/** Replace `from` with `to` in the first paragraph-like element containing it. */
export function setText(doc: Document, from: string, to: string): void {
  const walker = [...doc.querySelectorAll('p,div,li,span,td,h1,h2,h3,h4')].reverse();
  for (const el of walker) {
    if (el.children.length === 0 && (el.textContent ?? '').includes(from)) {
      el.textContent = (el.textContent ?? '').replace(from, to);
      return;
    }
  }
  // Text split across child spans: replace on the smallest element containing it.
  for (const el of walker) {
    if ((el.textContent ?? '').includes(from)) {
      el.textContent = (el.textContent ?? '').replace(from, to);
      return;
    }
  }
  throw new Error(`text not found: ${from}`);
}

function replaceText(cell: Element, value: string): void {
  // Keep the cell's markup (Word's <p><span>): replace the innermost text only.
  let inner: Element = cell;
  while (inner.children.length === 1 && inner.firstElementChild) inner = inner.firstElementChild;
  for (const c of [...inner.children]) if (/^O:P$/i.test(c.tagName)) c.remove();
  inner.textContent = value;
  if (cell.hasAttribute('x:num')) cell.setAttribute('x:num', value.replace(/,/g, ''));
}

export function errors(a: Analysis): Finding[] {
  return a.findings.filter((f) => f.severity === 'error');
}

export function byRule(a: Analysis, rule: string, severity?: Finding['severity']): Finding[] {
  return a.findings.filter((f) => f.rule === rule && (!severity || f.severity === severity));
}

export function describeFindings(fs: Finding[]): string {
  return fs.map((f) => `[${f.severity}] ${f.rule} ${f.message.zh}`).join('\n');
}
