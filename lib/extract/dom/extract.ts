import { joinWrappedLines, repairGlyphs } from '../../text/normalize';
import type { Block, ExtractedDoc, Grid, TextBlock } from '../types';
import { flatText, MAX_DEPTH } from './flat-text';
import { buildGrid } from './grid';
import { extractPositioned, isPositionedPage } from './positioned';
import { isInlineHidden, isSkippedTag, tagOf } from './visibility';

interface DomExtractOptions {
  source?: string;
  /** Extra hidden test for live pages (computed style); inline styles are always honoured. */
  isHidden?: (el: Element) => boolean;
  /** Elements to leave out entirely (the extension's own UI host). */
  skip?: (el: Element) => boolean;
  root?: Element;
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'td', 'th', 'tr', 'ul',
]);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption']);
const CENTRED = /text-align\s*:\s*center/i;

function looksLikeHeading(el: Element): boolean {
  const tag = tagOf(el);
  if (HEADING_TAGS.has(tag)) return true;
  if ((el.getAttribute('align') ?? '').toLowerCase() === 'center') return true;
  const style = el.getAttribute('style');
  return !!style && CENTRED.test(style);
}

/**
 * A table used for page layout rather than data: it holds other tables, has one column, or is a few
 * cells of long prose. Its cells are read as ordinary page flow.
 */
function isLayoutTable(_table: Element, grid: Grid): boolean {
  if (grid.nCols <= 1) return true;
  // One row of text (a "部门名称 … 单位：万元" line laid out with a table) is page flow, not data.
  if (grid.nRows <= 1 && !grid.cells.some((c) => /\d\.\d/.test(c.text))) return true;
  if (grid.cells.length <= 4) {
    let len = 0;
    for (const c of grid.cells) len += c.text.length;
    if (len > 400) return true;
  }
  return false;
}

/** Walk the page in document order and emit text blocks and data tables, each anchored to its element. */
export function extractDom(doc: Document, opts: DomExtractOptions = {}): ExtractedDoc {
  // A PDF converted to absolutely positioned text: read it the way PDFs are read.
  if (!opts.root && isPositionedPage(doc)) return extractPositioned(doc, opts.source ?? '');
  const blocks: Block[] = [];
  const isHidden = opts.isHidden;
  let buffer = '';
  let bufferBlock: Element | null = null;

  const flush = (): void => {
    if (!bufferBlock) {
      buffer = '';
      return;
    }
    const text = repairGlyphs(joinWrappedLines(buffer)).replace(/\s+/g, ' ').trim();
    if (text) {
      const block: TextBlock = { type: 'text', text, anchor: { kind: 'dom', element: bufferBlock } };
      if (looksLikeHeading(bufferBlock) || isAllBold(bufferBlock)) block.heading = true;
      blocks.push(block);
    }
    buffer = '';
  };

  let depth = 0;
  const visitChildren = (el: Element, block: Element): void => {
    if (depth >= MAX_DEPTH) {
      // Nesting past any real page's: the rest is read as flat text (no recursion, no stack overflow).
      const text = flatText(el);
      if (text) {
        if (bufferBlock !== block) {
          if (buffer.trim()) flush();
          buffer = '';
          bufferBlock = block;
        }
        buffer += text;
      }
      return;
    }
    depth++;
    try {
      for (let c = el.firstChild; c; c = c.nextSibling) visit(c, block);
    } finally {
      depth--;
    }
  };

  const visit = (node: Node, block: Element): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (!bufferBlock || bufferBlock !== block) {
        if (buffer.trim()) flush();
        buffer = '';
        bufferBlock = block;
      }
      buffer += data;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (isSkippedTag(el) || isInlineHidden(el)) return;
    if (opts.skip && opts.skip(el)) return;
    if (isHidden && isHidden(el)) return;
    const tag = tagOf(el);
    if (tag === 'br') {
      buffer += '\n';
      return;
    }
    if (tag === 'table') {
      flush();
      bufferBlock = null;
      visitTable(el);
      return;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      bufferBlock = null;
      visitChildren(el, el);
      flush();
      bufferBlock = null;
      return;
    }
    visitChildren(el, block);
  };

  const visitTable = (table: Element): void => {
    const grid = buildGrid(table, isHidden);
    if (grid.nested || isLayoutTable(table, grid)) {
      // Page flow inside a layout table: each cell in order.
      for (let c = table.firstElementChild; c; c = c.nextElementSibling) visit(c, c);
      flush();
      bufferBlock = null;
      return;
    }
    for (let c = table.firstElementChild; c; c = c.nextElementSibling) {
      if (tagOf(c) === 'caption') {
        visit(c, c);
        flush();
        bufferBlock = null;
      }
    }
    if (grid.nRows > 0) blocks.push({ type: 'table', grid, anchor: { kind: 'dom', element: table } });
  };

  // A document without a root element (an XML error page, an emptied frame) has nothing to read.
  const root = opts.root ?? (doc.documentElement ? (doc.body ?? doc.documentElement) : null);
  if (root) visit(root, root);
  flush();

  const out: ExtractedDoc = {
    source: opts.source ?? '',
    format: 'html',
    title: doc.documentElement ? repairGlyphs(doc.title ?? '').trim() : '',
    blocks,
    warnings: [],
  };
  const attachments = root ? attachmentsOf(root) : [];
  if (attachments.length) out.attachments = attachments;
  return out;
}

const ATTACHMENT = /\.(xlsx?|et|docx?|wps|pdf|zip|rar)(?:$|[?#])/i;

/** Files the page links as attachments (附表.xls, 报表.pdf): where a CMS article keeps its tables. */
function attachmentsOf(root: Element): { name: string; href: string }[] {
  const out: { name: string; href: string }[] = [];
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    let path = href;
    try {
      path = decodeURIComponent(href);
    } catch {
      // A cut escape: keep the raw address.
    }
    if (!ATTACHMENT.test(path)) continue;
    const name = (a.textContent ?? '').replace(/\s+/g, ' ').trim() || path.split(/[/?#]/).filter(Boolean).pop() || href;
    out.push({ name: name.slice(0, 80), href: href.slice(0, 300) });
    if (out.length >= 20) break;
  }
  return out;
}

function isAllBold(el: Element, depth = 0): boolean {
  if (depth > 16) return false;
  // A paragraph whose only content is one <b>/<strong> run: how Word and CMS editors mark table titles.
  let bold = false;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) {
      if ((c as Text).data.trim()) return false;
    } else if (c.nodeType === 1) {
      const tag = tagOf(c as Element);
      if (tag === 'b' || tag === 'strong') bold = true;
      else if (tag === 'span' || tag === 'font') {
        if (!isAllBold(c as Element, depth + 1)) return false;
        bold = true;
      } else if (tag !== 'br') return false;
    }
  }
  return bold;
}
