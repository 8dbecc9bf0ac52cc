/**
 * Reading 类/款/项 codes however they are printed: split over three columns (`201 | 03 | 01`), joined
 * (`2010301`), zero-stripped by OCR or careless typing (`201 | 3 | 1`), or at the start of a name cell
 * (`201 03 01 行政运行`).
 */

const pad2 = (s: string) => (s.length === 1 ? '0' + s : s);

export function codeFromParts(cls?: string, kuan?: string, item?: string): string | undefined {
  const a = (cls ?? '').replace(/\s+/g, '');
  const b = (kuan ?? '').replace(/\s+/g, '');
  const c = (item ?? '').replace(/\s+/g, '');
  if (!/^\d{3}$/.test(a)) {
    // A joined code in the first column.
    if (/^\d{5}(\d{2})?$/.test(a) && !b && !c) return a;
    return undefined;
  }
  if (!b) return a;
  if (!/^\d{1,2}$/.test(b)) return undefined;
  if (!c) return a + pad2(b);
  if (!/^\d{1,2}$/.test(c)) return undefined;
  return a + pad2(b) + pad2(c);
}

/** A code at the start of a text: returns the normalised code and the rest (the name). */
export function splitLeadingCode(text: string): { code: string; rest: string } | undefined {
  const s = splitCode(text);
  // A code glued to its name with a dash or underscore (2010101-行政运行, 106_长沙市公安局).
  if (s) s.rest = s.rest.replace(/^[-－—–_]+\s*/, '');
  return s;
}

function splitCode(text: string): { code: string; rest: string } | undefined {
  const t = text.trim();
  let m = /^(\d{3})\s+(\d{1,2})\s+(\d{1,2})(?:\s+|$)(.*)$/.exec(t);
  if (m) return { code: m[1]! + pad2(m[2]!) + pad2(m[3]!), rest: m[4]!.trim() };
  m = /^(\d{3})\s+(\d{1,2})(?:\s+|$)(?!\d)(.*)$/.exec(t);
  if (m) return { code: m[1]! + pad2(m[2]!), rest: m[3]!.trim() };
  m = /^(\d{3}|\d{5}|\d{7})(?:\s*|$)(?![\d.,])(.*)$/.exec(t);
  if (m && /^[-－—–_]\d/.test(m[2]!)) return undefined;
  if (m) return { code: m[1]!, rest: m[2]!.trim() };
  return undefined;
}

export function codeKind(code: string): 'function' | 'economic' | undefined {
  const d = code[0];
  if (d === '2') return 'function';
  if (d === '3' || d === '5') return 'economic';
  return undefined;
}

/** 3 digits = 类 (1), 5 = 款 (2), 7 = 项 (3). Economic codes: 3 = class (1), 5 = item (2). */
export function codeLevel(code: string): number | undefined {
  return code.length === 3 ? 1 : code.length === 5 ? 2 : code.length === 7 ? 3 : undefined;
}

/** A unit or department code: 3 digits (department) or 6 digits (unit, department + 3). */
export function isUnitCode(s: string): boolean {
  return /^\d{3}(\d{3})?$/.test(s.trim());
}

/** A project code: 12 to 24 digits (20 or 21 in the seeds), possibly printed in two pieces. */
export function isProjectCode(s: string): boolean {
  return /^\d{12,24}$/.test(s.replace(/\s+/g, ''));
}
