/**
 * Findings on text read by OCR (issue 12). A number the OCR engine read with low confidence, or one whose
 * failed relation is explained by a single misread digit, has not been positively identified: the finding
 * is kept, as a note that the figure was possibly misread, never as an error of the document. The same holds
 * for words: a label, title, name or 目录 entry quoted from characters read with low confidence, or compared
 * with one a character or two away, may be the model's slip rather than the document's. Runs after every
 * rule (lib/rules/engine.ts); documents without OCR pass through untouched.
 */
import type { Anchor, OcrReading } from '../extract/types';
import type { BudgetDoc, Table } from '../recognize/model';
import { editDistance } from '../text/names';
import type { Evidence, Finding } from './types';

const digitsOf = (s: string) => s.replace(/[^\d]/g, '');
const bare = (s: string) => s.replace(/[\s,，]/g, '');

function anchorsOf(e: Evidence): Anchor[] {
  if (e.kind === 'cell') return [e.cell.anchor];
  if (e.kind === 'claim') return [e.claim.source.anchor];
  return [e.table.anchor, ...(e.table.titleAnchor ? [e.table.titleAnchor] : [])];
}

/** printed and expected differ in exactly one digit (same length): a classic OCR substitution (3↔8, 1↔7). */
export function singleDigitSubstitution(printed: string, expected: string): boolean {
  const a = digitsOf(printed);
  const b = digitsOf(expected);
  if (!a || a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

function numberDoubtful(f: Finding, readings: OcrReading[]): boolean {
  const uncertain = new Set(readings.flatMap((r) => r.uncertain.map(bare)));
  // A cited cell that holds a doubtful number.
  for (const e of f.evidence) {
    if (e.kind === 'cell' && e.cell.anchor.kind === 'pdf' && e.cell.anchor.ocr?.uncertain.length) return true;
  }
  if ([...f.values, f.printed ?? ''].some((v) => v && uncertain.has(bare(v)))) return true;
  return f.printed !== undefined && f.expected !== undefined && singleDigitSubstitution(f.printed, f.expected);
}

/** The strings a finding quotes (“…”), and the quotes of the claims it cites. */
function quotesOf(f: Finding): string[] {
  const out = [...f.message.zh.matchAll(/[“"]([^”"]+)[”"]/g)].map((m) => m[1]!.trim());
  for (const e of f.evidence) if (e.kind === 'claim' && e.claim.source.quote) out.push(e.claim.source.quote);
  return out.filter((q) => q.length >= 2);
}

/**
 * A finding about words, not amounts: nothing printed against an expected figure, or the two differ in
 * their words only (a cost written in 元 where 万元 is meant). Labels, titles, names and 目录 entries.
 */
function aboutText(f: Finding): boolean {
  if (f.printed === undefined || f.expected === undefined) return true;
  return digitsOf(f.printed) === digitsOf(f.expected);
}

/** Two of the quoted strings differ by one or two characters: one may be the other, misread. */
function nearMatch(quotes: string[]): boolean {
  for (let i = 0; i < quotes.length; i++)
    for (let j = i + 1; j < quotes.length; j++) {
      const a = quotes[i]!;
      const b = quotes[j]!;
      if (a === b || Math.min(a.length, b.length) < 3) continue;
      const d = editDistance(a, b, 2);
      if (d >= 1 && d <= 2) return true;
    }
  return false;
}

/** A table title read with a doubtful character (or a table nobody could name, on a page read by OCR). */
function doubtfulTitle(t: Table): boolean {
  const a = t.titleAnchor ?? t.anchor;
  if (a.kind !== 'pdf' || !a.ocr) return false;
  return t.kind === 'unknown' || !!(t.titleAnchor?.kind === 'pdf' && t.titleAnchor.ocr?.doubtfulText?.length);
}

function textDoubtful(f: Finding, readings: OcrReading[], doc: BudgetDoc | undefined): boolean {
  const quotes = quotesOf(f);
  // A quoted word that contains characters read with low confidence.
  const weak = readings.flatMap((r) => r.doubtfulText ?? []);
  if (weak.some((w) => quotes.some((q) => q.includes(w)))) return true;
  // Two quoted strings one or two characters apart: on a scan, as likely a misread as a slip.
  if (nearMatch(quotes)) return true;
  // "Not in the document" holds only when every table title was read with confidence.
  return !!f.absence && !!doc?.tables.some(doubtfulTitle);
}

function ocrReadings(f: Finding): OcrReading[] {
  return f.evidence.flatMap(anchorsOf).flatMap((a) => (a.kind === 'pdf' && a.ocr ? [a.ocr] : []));
}

/**
 * Turn every error or warning that rests on something OCR may have misread into a "possibly misread" note:
 * a doubtful number, a single-digit difference, or — for findings about words — a doubtful character in
 * what it quotes, two quoted strings a character or two apart, or a missing table where table titles were
 * read doubtfully. `doc` gives the tables an absence finding depends on.
 */
export function markPossiblyMisread(findings: Finding[], doc?: BudgetDoc): Finding[] {
  return findings.map((f) => {
    if (f.severity === 'info') return f;
    const readings = ocrReadings(f);
    if (!readings.length) return f;
    if (!numberDoubtful(f, readings) && !(aboutText(f) && textDoubtful(f, readings, doc))) return f;
    return {
      ...f,
      severity: 'info',
      message: { zh: `可能是识别错误（OCR，请对照原图核实）：${f.message.zh}`, en: `Possibly misread (OCR; check against the image): ${f.message.en}` },
    };
  });
}
