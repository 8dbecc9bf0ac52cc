/**
 * Awkward and hostile input (issue 9): amounts written oddly, text that would drive a terminal or turn
 * a report around, nesting no real page has, rowspan="0" in a header. Property tests (fast-check) for
 * the amount parser.
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractDom } from '../../lib/extract/dom/extract';
import { flatText } from '../../lib/extract/dom/flat-text';
import { buildGrid } from '../../lib/extract/dom/grid';
import { parseAmount } from '../../lib/money/amount';
import { cleanDeep, cleanText } from '../../lib/report/clean-text';
import { Grants, isHttpUrl, isPdfPathUrl, RateLimit } from '../../lib/url-safety';
import { analyzeFixture, analyzeMutated } from '../helpers';

/** An amount as a page prints it: optional thousands commas, 0–4 decimals. */
const printed = fc.record({ int: fc.integer({ min: 0, max: 999_999_999 }), frac: fc.integer({ min: 0, max: 9999 }), decimals: fc.integer({ min: 0, max: 4 }), commas: fc.boolean() }).map(({ int, frac, decimals, commas }) => {
  const i = commas ? int.toLocaleString('en-US') : String(int);
  const f = decimals ? String(frac).padStart(4, '0').slice(0, decimals) : '';
  return { text: f ? `${i}.${f}` : i, units: Number(`${int}${f}`), decimals };
});

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

describe('amounts written oddly', () => {
  it('reads every ordinary printed amount exactly (property)', () => {
    fc.assert(
      fc.property(printed, (p) => {
        const a = parseAmount(p.text);
        expect(a).toMatchObject({ units: p.units, decimals: p.decimals, printed: true });
        expect(parseAmount(`-${p.text}`)?.units).toBe(p.units === 0 ? 0 : -p.units);
        expect(parseAmount(`(${p.text})`)?.units).toBe(p.units === 0 ? 0 : -p.units);
      }),
    );
  });

  it('two signs, or a sign inside brackets, are no amount: never read as positive (property)', () => {
    fc.assert(
      fc.property(printed, fc.constantFrom('+-', '-+', '--', '++', '+－', '－+'), fc.constantFrom('-', '+', '－', '−'), (p, two, one) => {
        expect(parseAmount(`${two}${p.text}`)).toBeNull();
        expect(parseAmount(`(${one}${p.text})`)).toBeNull();
        expect(parseAmount(`（${one}${p.text}）`)).toBeNull();
      }),
    );
    expect(parseAmount('+-5')).toBeNull();
    expect(parseAmount('(-5)')).toBeNull();
  });

  it('zero-width characters anywhere inside a number change nothing (property)', () => {
    fc.assert(
      fc.property(printed, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { minLength: 1, maxLength: 4 }), (p, inserts) => {
        let s = p.text;
        for (const [at, ch] of inserts) {
          const i = at % (s.length + 1);
          s = s.slice(0, i) + ch + s.slice(i);
        }
        expect(parseAmount(s)).toMatchObject({ units: p.units, decimals: p.decimals, printed: true });
      }),
    );
  });

  it('a value with more decimals than any printed amount is unreadable, not a number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 9, max: 40 }), fc.nat({ max: 9999 }), (d, int) => {
        expect(parseAmount(`${int}.${'0'.repeat(d - 1)}1`)).toBeNull();
      }),
    );
  });

  it('one cell with 25 decimals does not disable rules for the whole document', () => {
    const base = analyzeFixture('000-word-cms.html');
    const a = analyzeMutated('000-word-cms.html', (doc) => {
      const td = [...doc.querySelectorAll('td')].find((c) => /^\s*941\.27\s*$/.test(c.textContent ?? ''))!;
      td.textContent = '0.0000000000000000000000000';
    });
    expect(a.failures).toEqual([]);
    // Rules that do not involve that cell report what they reported before.
    const keys = (fs: typeof a.findings) => fs.filter((f) => f.rule !== 'R01').map((f) => `${f.rule} ${f.message.zh}`);
    expect(keys(a.findings)).toEqual(keys(base.findings));
  });
});

describe('text that leaves BudgetLens', () => {
  const unsafe = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => c !== '\t' && c !== '\n'), '\x7f', ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)), '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];

  it('carries no control character (but tab and newline) and no bidi override (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constantFrom(...unsafe)), { maxLength: 20 }), (parts) => {
        const out = cleanText(parts.join(''));
        for (const c of unsafe) expect(out.includes(c)).toBe(false);
      }),
    );
    expect(cleanText('合计\t1,070.00\n')).toBe('合计\t1,070.00\n');
    expect(cleanDeep({ a: ['\x1b[2J清屏', { b: '\u202e001' }], n: 5 })).toEqual({ a: ['[2J清屏', { b: '001' }], n: 5 });
  });
});

describe('structure no real page has', () => {
  it('100,000-deep nesting is read without overflowing the stack', () => {
    // 100,000 nested blocks; then a table with 5,000 nested inline elements in one cell.
    const n = 100_000;
    const m = 5_000;
    const html = `<!doctype html><html><head><title>t</title></head><body>${'<div>'.repeat(n)}深处的文字${'</div>'.repeat(n)}<table><tr><td>${'<span>'.repeat(m)}5${'</span>'.repeat(m)}</td><td>1.00</td></tr><tr><td>b</td><td>2.00</td></tr></table></body></html>`;
    const { document } = parseHTML(html);
    const x = extractDom(document as unknown as Document);
    expect(x.blocks.map((b) => (b.type === 'text' ? b.text : b.grid.cells.map((c) => c.text).join('|')))).toEqual(['深处的文字', '5|1.00|b|2.00']);
    expect(flatText(document.body as unknown as Node)).toContain('深处的文字');
  });

  it('rowspan="0" in <thead> ends with the header: body columns do not shift', () => {
    const { document } = parseHTML(`<table><thead><tr><th rowspan="0">科目</th><th colspan="2">金额</th></tr><tr><th>基本</th><th>项目</th></tr></thead>
      <tbody><tr><td>201</td><td>1.00</td><td>2.00</td></tr></tbody></table>`);
    const g = buildGrid(document.querySelector('table') as unknown as Element);
    expect(g.nCols).toBe(3);
    expect(g.slots[2]!.map((c) => c?.text)).toEqual(['201', '1.00', '2.00']);
    expect(g.slots[1]![0]!.text).toBe('科目');
  });

  it('a document without a root element gives no blocks and no error', () => {
    const { document } = parseHTML('');
    document.documentElement?.remove();
    expect(() => extractDom(document as unknown as Document)).not.toThrow();
  });
});

describe('what the extension agrees to open', () => {
  it('http(s) only; PDF links by their path, query and fragment ignored', () => {
    expect(isHttpUrl('https://a.gov.cn/x.pdf')).toBe(true);
    for (const u of ['file:///etc/passwd', 'chrome://settings', 'javascript:alert(1)', 'data:application/pdf,x', 'not a url']) expect(isHttpUrl(u)).toBe(false);
    expect(isPdfPathUrl('https://a.gov.cn/files/2024%E5%B9%B4.PDF?x=1#p2')).toBe(true);
    for (const u of ['https://evil.example/landing.html#.pdf', 'https://a.gov.cn/view.jsp?file=a.pdf', 'file:///x.pdf']) expect(isPdfPathUrl(u)).toBe(false);
  });

  it('a token opens one address once, and expires', () => {
    const g = new Grants(1000);
    const t = g.grant('https://a/x.pdf', 0);
    expect(g.claim(t, 'https://a/other.pdf', 10)).toBe(false);
    const t2 = g.grant('https://a/x.pdf', 0);
    expect(g.claim(t2, 'https://a/x.pdf', 10)).toBe(true);
    expect(g.claim(t2, 'https://a/x.pdf', 11)).toBe(false);
    const t3 = g.grant('https://a/x.pdf', 0);
    expect(g.claim(t3, 'https://a/x.pdf', 2000)).toBe(false);
  });

  it('tab opening is rate-limited: a burst of 30 opens two', () => {
    const r = new RateLimit(2, 3000, 0);
    expect(Array.from({ length: 30 }, () => r.take(0)).filter(Boolean)).toHaveLength(2);
    expect(r.take(3000)).toBe(true);
  });
});
