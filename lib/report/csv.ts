import { cleanText } from './clean-text';
import type { Report } from './schema';

/**
 * Findings as CSV that Excel and WPS open correctly: UTF-8 with a byte-order mark, CRLF line ends, every
 * field quoted when it needs to be, one row per finding.
 */
export const CSV_COLUMNS = ['rule', 'severity', 'table', 'row', 'column', 'page', 'expected', 'printed', 'difference', 'message'] as const;

const BOM = '\uFEFF';
const NUMERIC = /^[-+]?[\d,]*\.?\d+\s*(?:%|‰|[万亿]?元)?$/;

/**
 * One field. Text that a spreadsheet would run as a formula (= + - @ at the start) is prefixed with an
 * apostrophe; numbers (also negative differences) are left as they are.
 */
export function csvField(v: string | number | undefined | null): string {
  let s = cleanText(v === undefined || v === null ? '' : String(v));
  if (/^[=+\-@\t\r]/.test(s) && !NUMERIC.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

function rows(r: Report, withDocument: boolean): string[] {
  return r.findings.map((f) =>
    [
      ...(withDocument ? [csvField(r.source)] : []),
      csvField(f.rule),
      csvField(f.severity),
      csvField(f.table),
      csvField(f.row),
      csvField(f.column),
      csvField(f.page),
      csvField(f.expected),
      csvField(f.printed),
      csvField(f.difference),
      csvField(f.message),
    ].join(','),
  );
}

export function toCsv(r: Report): string {
  return BOM + [CSV_COLUMNS.join(','), ...rows(r, false)].join('\r\n') + '\r\n';
}

/** Several documents in one file (batch mode): a leading `document` column. */
export function toCombinedCsv(reports: Report[]): string {
  return BOM + [['document', ...CSV_COLUMNS].join(','), ...reports.flatMap((r) => rows(r, true))].join('\r\n') + '\r\n';
}
