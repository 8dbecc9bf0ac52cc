import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { budgetPdfLinks, decodeUriLenient, detectBudgetPage } from '../../lib/detect';

const doc = (body: string, title = '2024年部门预算公开') =>
  parseHTML(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`).document as unknown as Document;

/** A long attachment name, percent-encoded in UTF-8 as government CMSs write it. */
const NAME = '洛阳市城乡一体化示范区党政办公室2024年部门预算公开附表及说明';
const encoded = encodeURIComponent(`${NAME}.pdf`);

describe('decodeUriLenient', () => {
  it('decodes what decodeURIComponent decodes', () => {
    expect(decodeUriLenient(encoded)).toBe(`${NAME}.pdf`);
  });

  it('keeps an escape cut in half instead of throwing', () => {
    // "%E9%A2%84" is 预; cut after its second byte.
    expect(() => decodeURIComponent('%E9%A2')).toThrow(URIError);
    expect(decodeUriLenient('x%E9%A2')).toBe('x%E9%A2');
    expect(decodeUriLenient('A2%84%E7%AE%97.pdf')).toBe('A2%84算.pdf');
  });

  it('keeps GBK escapes (not UTF-8) and a lone percent sign as they are', () => {
    // 预算 in GBK: D4A4 happens to be a valid UTF-8 pair (Ԥ), CBE3 is not; nothing throws.
    expect(decodeUriLenient('%D4%A4%CB%E3.pdf')).toBe('Ԥ%CB%E3.pdf');
    expect(decodeUriLenient('100%完成%E9%A2%84.pdf')).toBe('100%完成预.pdf');
  });
});

describe('budgetPdfLinks', () => {
  it('finds a link whose percent-encoded name is cut mid-escape by the 120-character window', () => {
    // Find a prefix length that makes href.slice(-120) start inside an escape: the old code threw there.
    const tail = `/${encoded}`;
    let href = '';
    for (let pad = 0; pad < 9; pad++) {
      const h = `/upload/${'a'.repeat(pad)}${tail}`;
      try {
        decodeURIComponent(h.slice(-120));
      } catch {
        href = h;
        break;
      }
    }
    expect(href).not.toBe('');
    expect(() => decodeURIComponent(href.slice(-120))).toThrow(URIError);
    const d = doc(`<h1>部门预算</h1><p><a href="${href}">附件1</a></p><p><a href="/x.pdf">说明</a></p>`);
    const links = budgetPdfLinks(d);
    expect(links.map((a) => a.getAttribute('href'))).toEqual([href]);
  });

  it('a GBK-encoded name whose link text says 预算 is still offered', () => {
    const d = doc('<p><a href="/files/%D4%A4%CB%E3%B1%ED.pdf">2024年部门预算</a></p>');
    expect(budgetPdfLinks(d)).toHaveLength(1);
  });

  it('ordinary links are not offered', () => {
    const d = doc('<p><a href="/files/%E6%8A%A5%E5%90%8D.pdf">报名表</a><a href="/a.html">预算</a></p>');
    expect(budgetPdfLinks(d)).toHaveLength(0);
  });
});

describe('detectBudgetPage', () => {
  it('a news page with no tables is not a budget page', () => {
    expect(detectBudgetPage(doc('<p>新闻</p>', '新闻')).isBudget).toBe(false);
  });
});
