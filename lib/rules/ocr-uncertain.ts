/**
 * Findings on text read by OCR (issue 12). A number the OCR engine read with low confidence, or one whose
 * failed relation is explained by a single misread digit, has not been positively identified: the finding
 * is kept, as a note that the figure was possibly misread, never as an error of the document. Runs after
 * every rule (lib/rules/engine.ts); documents without OCR pass through untouched.
 */
import type { Anchor } from '../extract/types';
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

function doubtful(f: Finding): boolean {
  const readings = f.evidence.flatMap(anchorsOf).flatMap((a) => (a.kind === 'pdf' && a.ocr ? [a.ocr] : []));
  if (!readings.length) return false;
  const uncertain = new Set(readings.flatMap((r) => r.uncertain.map(bare)));
  // A cited cell that holds a doubtful number.
  for (const e of f.evidence) {
    if (e.kind === 'cell' && e.cell.anchor.kind === 'pdf' && e.cell.anchor.ocr?.uncertain.length) return true;
  }
  if ([...f.values, f.printed ?? ''].some((v) => v && uncertain.has(bare(v)))) return true;
  return f.printed !== undefined && f.expected !== undefined && singleDigitSubstitution(f.printed, f.expected);
}

export function markPossiblyMisread(findings: Finding[]): Finding[] {
  return findings.map((f) => {
    if (f.severity === 'info' || !doubtful(f)) return f;
    return {
      ...f,
      severity: 'info',
      message: { zh: `可能是识别错误（OCR，请对照原图核实）：${f.message.zh}`, en: `Possibly misread (OCR; check against the image): ${f.message.en}` },
    };
  });
}
