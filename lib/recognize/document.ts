import type { ExtractedDoc, TextBlock } from '../extract/types';
import type { MoneyUnit } from '../money/units';
import { isFinal, kindInfo, titleCore, type TableKind } from './catalog';
import { frameTables } from './frame';
import type { BudgetDoc, DocumentKind, Paragraph, Table } from './model';
import { extractClaims } from './narrative/claims';
import { buildTable, continues, finishTable, joinTables } from './tables';
import { findToc } from './toc';

const SECTION_RE = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])/;

function mostCommon<T>(xs: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let bestN = 0;
  for (const x of xs) {
    const n = (counts.get(x) ?? 0) + 1;
    counts.set(x, n);
    if (n > bestN) (best = x), (bestN = n);
  }
  return best;
}

/** From extracted blocks to the recognised document: tables with meanings, narrative claims, 目录. */
export function recognize(x: ExtractedDoc): BudgetDoc {
  const framed = frameTables(x.blocks);
  const defaultUnit: MoneyUnit | undefined = mostCommon(framed.map((f) => f.unit).filter((u): u is MoneyUnit => !!u));
  let n = 0;
  const ctx = { defaultUnit, nextId: () => `t${++n}` };
  const seen = new Set<TableKind>();
  const tables: Table[] = [];
  const consumed = new Set<number>();
  let prevFramedEnd = -1;
  for (const f of framed) {
    for (const i of f.consumed) consumed.add(i);
    const prev = tables[tables.length - 1];
    // A table printed again on the next page under the same title is the same table, whatever its header
    // alone would suggest.
    if (!f.kind && f.title && prev && prev.kind !== 'unknown' && titleCore(prev.title) === titleCore(f.title)) f.kind = prev.kind;
    const t = buildTable(f, ctx, seen);
    // Only titles, unit lines and notes between the two parts: nothing a reader would call prose.
    let onlyFraming = true;
    for (let i = prevFramedEnd + 1; i < f.blockIndex; i++) {
      if (x.blocks[i]!.type === 'text' && !f.consumed.has(i) && !consumed.has(i)) {
        const text = (x.blocks[i] as TextBlock).text;
        if (!/^\s*(?:第?\s*\d+\s*页|-\s*\d+\s*-|\d+)\s*$/.test(text)) onlyFraming = false;
      }
    }
    if (prev && onlyFraming && continues(prev, t, !!f.title)) {
      joinTables(prev, t);
    } else {
      if (t.kind === 'unknown' && !f.title && prev && onlyFraming && prev.columns.length === t.columns.length && t.headerRows === 0) {
        joinTables(prev, t);
      } else {
        tables.push(t);
        if (t.kind !== 'unknown') seen.add(t.kind);
      }
    }
    prevFramedEnd = f.blockIndex;
  }

  for (const t of tables) finishTable(t);
  const toc = findToc(x.blocks);
  const tocBlocks = new Set(toc.map((e) => e.anchor));
  const paragraphs: Paragraph[] = [];
  let section: string | undefined;
  x.blocks.forEach((b, i) => {
    if (b.type !== 'text' || consumed.has(i) || tocBlocks.has(b.anchor)) return;
    const p: Paragraph = { text: b.text, anchor: b.anchor };
    if (b.page !== undefined) p.page = b.page;
    if (b.heading) p.heading = true;
    if (SECTION_RE.test(b.text) && b.text.length <= 40) section = b.text;
    if (section) p.section = section;
    paragraphs.push(p);
  });
  const kind = documentKind(x, tables);
  const claims = extractClaims(paragraphs, 0, kind === 'final-accounts');
  const doc: BudgetDoc = {
    source: x.source,
    format: x.format,
    kind,
    isBudget: kind !== 'other',
    tables,
    claims,
    toc,
    paragraphs,
    warnings: x.warnings.map((w) => ({ ...w })),
  };
  if (x.pageCount !== undefined) doc.pageCount = x.pageCount;
  if (x.attachments?.length) doc.attachments = x.attachments;
  if (doc.isBudget && isBlankTemplate(x, tables)) doc.isTemplate = true;
  const unit = defaultUnit ?? mostCommon(tables.filter((t) => t.unitSource !== 'default').map((t) => t.unit));
  if (unit) doc.unit = unit;
  const year = documentYear(x, tables);
  if (year) doc.year = year;
  const org = organization(x, tables);
  if (org) doc.organization = org;
  if (!doc.isBudget) {
    doc.tables = tables.filter((t) => t.kind !== 'unknown');
  }
  return doc;
}

function documentKind(x: ExtractedDoc, tables: readonly Table[]): DocumentKind {
  const kinds = tables.map((t) => t.kind).filter((k): k is TableKind => k !== 'unknown');
  const final = kinds.filter((k) => isFinal(k)).length;
  const perf = kinds.filter((k) => k === 'overall-performance' || k === 'project-performance').length;
  const budget = kinds.length - final - perf;
  const head = (x.title + ' ' + x.blocks.slice(0, 40).filter((b): b is TextBlock => b.type === 'text').map((b) => b.text).join(' ')).slice(0, 4000);
  const says = (re: RegExp) => re.test(head);
  if (final >= 2 || (final >= 1 && says(/决算/))) return 'final-accounts';
  if (budget >= 2 || (budget >= 1 && says(/部门预算|单位预算|预算公开|预算说明/))) return 'budget';
  if (budget >= 1 && perf >= 1) return 'budget';
  if (perf >= 1 && (says(/绩效目标/) || perf >= 2)) return 'performance-targets';
  if (final >= 1) return 'final-accounts';
  // A 说明 published without its tables (they are a second file, or an attachment): a disclosure all the
  // same when it says so and states amounts.
  if (kinds.length === 0 && narrativeDisclosure(x)) return says(/决算/) && !says(/预算/) ? 'final-accounts' : 'budget';
  return 'other';
}

const DISCLOSURE_HEAD = /(部门|单位)(预|决)算|(预|决)算(信息)?公开|(预|决)算情况的?说明|(预|决)算编制说明/;
const AMOUNT_IN_TEXT = /\d[\d,]*(?:\.\d+)?\s*万元/g;

function narrativeDisclosure(x: ExtractedDoc): boolean {
  const texts = x.blocks.filter((b): b is TextBlock => b.type === 'text').map((b) => b.text);
  const head = (x.title + ' ' + texts.slice(0, 40).join(' ')).replace(/\s+/g, '');
  if (!DISCLOSURE_HEAD.test(head)) return false;
  let amounts = 0;
  for (const t of texts) {
    amounts += t.match(AMOUNT_IN_TEXT)?.length ?? 0;
    if (amounts >= 5) return /收入|支出/.test(texts.join(''));
  }
  return false;
}

function documentYear(x: ExtractedDoc, tables: readonly Table[]): number | undefined {
  const fromTitles = tables.map((t) => /(20\d{2})\s*年/.exec(t.title)?.[1]).filter(Boolean) as string[];
  const head = [x.title, ...x.blocks.slice(0, 30).filter((b): b is TextBlock => b.type === 'text').map((b) => b.text)].join(' ');
  const m = /(20\d{2})\s*年度?\s*(?:[\u4e00-\u9fa5（）()]{0,40}?)(?:部门|单位)?\s*(?:预算|决算)/.exec(head);
  const y = m?.[1] ?? mostCommon(fromTitles);
  return y ? Number(y) : undefined;
}

function organization(x: ExtractedDoc, tables: readonly Table[]): string | undefined {
  const orgs = tables.map((t) => t.org).filter((o): o is string => !!o && o.length >= 3 && !/XX|xx|名称/.test(o));
  const common = mostCommon(orgs);
  if (common) return common;
  const head = [x.title, ...x.blocks.slice(0, 10).filter((b): b is TextBlock => b.type === 'text').map((b) => b.text)];
  for (const h of head) {
    const m = /(?:20\d{2}\s*年度?)\s*(.{3,40}?)\s*(?:20\d{2}\s*年度?)?\s*(?:部门|单位)\s*(?:预算|决算)/.exec(h.replace(/\s+/g, ''));
    if (m) return m[1];
    const m2 = /^(.{3,40}?)(?:20\d{2}年度?)(?:部门|单位)(?:预算|决算)/.exec(h.replace(/\s+/g, ''));
    if (m2) return m2[1];
  }
  return undefined;
}

export function tableLabel(t: Table): string {
  return t.title || (t.kind !== 'unknown' ? kindInfo(t.kind).zh : '未识别的表');
}

/** A template nobody filled in: placeholder organisation names and not one printed amount in any table. */
function isBlankTemplate(x: ExtractedDoc, tables: readonly Table[]): boolean {
  const amounts = tables.some((t) => t.kind !== 'unknown' && t.rows.some((r) => Object.entries(r.values).some(([k, c]) => !k.startsWith('col') && c.amount?.printed && c.amount.units !== 0)));
  if (amounts) return false;
  const head = [x.title, ...x.blocks.slice(0, 30).filter((b): b is TextBlock => b.type === 'text').map((b) => b.text)].join(' ');
  return /X{2,}|Ｘ{2,}|×{2,}/.test(head);
}
