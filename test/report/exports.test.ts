/**
 * The export formats: JSON round-trips through the versioned schema; CSV opens in a CSV reader with the
 * documented columns (and Excel sees UTF-8, and no formula); Markdown is stable (snapshot) and escapes
 * whatever the document contains; the printable report's thumbnails mark the cited cells.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../lib/analyze';
import { CSV_COLUMNS, csvField, toCombinedCsv, toCsv } from '../../lib/report/csv';
import { toReport } from '../../lib/report/export';
import { md, toMarkdown } from '../../lib/report/markdown';
import { PrintPayload } from '../../lib/report/print';
import { Report, REPORT_SCHEMA_VERSION } from '../../lib/report/schema';
import { tableSnapshots } from '../../lib/report/snapshot';
import { analyzeFixture, analyzeMutated } from '../helpers';
import { parseCsv } from '../support/csv-parse';

const reportOf = (a: Analysis) => Report.parse(toReport(a));

describe('JSON', () => {
  for (const f of ['000-word-cms.html', '003-clean-gbk.html', '004-word-ocr.html', 'news-plain.html']) {
    it(`${f}: the report survives serialisation and re-parsing unchanged, with its schema version`, () => {
      const r = reportOf(analyzeFixture(f));
      const again = Report.parse(JSON.parse(JSON.stringify(r)));
      expect(again).toEqual(r);
      expect(again.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    });
  }

  it('rejects a report of another version or with a bad severity', () => {
    const r = reportOf(analyzeFixture('000-word-cms.html'));
    expect(Report.safeParse({ ...r, schemaVersion: 2 }).success).toBe(false);
    expect(Report.safeParse({ ...r, findings: [{ ...r.findings[0]!, severity: 'fatal' }] }).success).toBe(false);
  });
});

describe('CSV', () => {
  const r = reportOf(analyzeFixture('004-word-ocr.html'));
  const csv = toCsv(r);

  it('is UTF-8 with a byte-order mark and CRLF line ends (Excel, WPS)', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n');
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/(?<!")\n(?!")/);
  });

  it('reads back in a CSV parser: the documented header, one row per finding, every field intact', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.length - 1).toBe(r.findings.length);
    rows.slice(1).forEach((row, i) => {
      const f = r.findings[i]!;
      expect(row).toHaveLength(CSV_COLUMNS.length);
      const rec = Object.fromEntries(CSV_COLUMNS.map((c, j) => [c, row[j]!]));
      expect(rec['rule']).toBe(f.rule);
      expect(rec['severity']).toBe(f.severity);
      expect(rec['message']).toBe(/^[=+\-@]/.test(f.message) ? `'${f.message}` : f.message);
      expect(rec['page']).toBe(f.page === undefined ? '' : String(f.page));
      expect(rec['printed']).toBe(f.printed === undefined ? '' : /^[=+@]/.test(f.printed) ? `'${f.printed}` : f.printed);
    });
  });

  it('quotes commas, quotes and line breaks; numbers stay numbers; formulas are defused', () => {
    expect(parseCsv(csvField('a,"b"\nc'))[0]).toEqual(['a,"b"\nc']);
    expect(csvField('-12.50')).toBe('-12.50');
    expect(csvField('-158984 元')).toBe('-158984 元');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('combines documents with a leading document column', () => {
    const two = [reportOf(analyzeFixture('000-word-cms.html')), r];
    const rows = parseCsv(toCombinedCsv(two).slice(1));
    expect(rows[0]).toEqual(['document', ...CSV_COLUMNS]);
    expect(rows.length - 1).toBe(two[0]!.findings.length + r.findings.length);
    expect(new Set(rows.slice(1).map((x) => x[0]))).toEqual(new Set(two.map((x) => x.source)));
  });
});

describe('Markdown', () => {
  it('000-word-cms: the memo matches its snapshot', async () => {
    const text = toMarkdown(reportOf(analyzeFixture('000-word-cms.html')));
    await expect(text).toMatchFileSnapshot('__snapshots__/000-word-cms.md');
  });

  it('escapes markup from the document: a hostile project name stays text', () => {
    const a = analyzeMutated('000-word-cms.html', (doc) => {
      const td = [...doc.querySelectorAll('td')].find((c) => c.textContent?.includes('档案专项经费'))!;
      td.textContent = '<img src=x onerror=alert(1)>|**bold**';
    });
    const text = toMarkdown(reportOf(a));
    expect(text).toContain('\\<img src=x onerror=alert(1)\\>\\|\\*\\*bold\\*\\*');
    expect(text).not.toMatch(/[^\\]<img/);
    expect(md('a|b')).toBe('a\\|b');
  });
});

describe('printable report', () => {
  it('thumbnails show each table with findings, with the printed cell marked by severity', () => {
    const a = analyzeFixture('000-word-cms.html');
    const snaps = tableSnapshots(a);
    const perf = snaps.find((s) => s.title.includes('项目绩效目标'))!;
    expect(perf).toBeTruthy();
    const marked = perf.rows.flatMap((r) => r.cells.map((c, j) => [c, r.marks[j]] as const)).filter(([, m]) => m === 'error');
    expect(marked.map(([c]) => c)).toContain('≤15.93元');
    expect(perf.header.length).toBe(perf.rows[0]!.cells.length);
    const payload = PrintPayload.parse({ report: reportOf(a), snapshots: snaps, generated: 'test' });
    expect(payload.snapshots.length).toBe(snaps.length);
  });

  it('long tables are cut to the rows around the findings, saying how many were left out', () => {
    const a = analyzeFixture('004-word-ocr.html');
    for (const s of tableSnapshots(a, { maxRows: 6 })) {
      if (s.omitted > 0) {
        expect(s.rows.some((r) => r.gap)).toBe(true);
        expect(s.rows.some((r) => r.marks.some((m) => m))).toBe(true);
      }
    }
  });
});
