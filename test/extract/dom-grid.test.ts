import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractDom } from '../../lib/extract/dom/extract';
import { decodeHtml, sniffCharset } from '../../lib/extract/html-source';
import type { TableBlock, TextBlock } from '../../lib/extract/types';
import { analyzeHtml } from '../helpers';

function extract(html: string) {
  return extractDom(parseHTML(`<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`).document as unknown as Document);
}

const tables = (html: string) => extract(html).blocks.filter((b): b is TableBlock => b.type === 'table');

describe('grids from DOM tables', () => {
  it('expands rowspan and colspan, each slot pointing at its cell element', () => {
    const [t] = tables(`<table>
      <tr><td rowspan="2">科目编码</td><td colspan="2">基本支出</td><td>合计</td></tr>
      <tr><td>人员经费</td><td>公用经费</td><td>x</td></tr>
      <tr><td>201</td><td>1.00</td><td>2.00</td><td>3.00</td></tr></table>`);
    const g = t!.grid;
    expect(g.nRows).toBe(3);
    expect(g.nCols).toBe(4);
    expect(g.slots[1]![0]!.text).toBe('科目编码');
    expect(g.slots[1]![0]).toBe(g.slots[0]![0]);
    expect(g.slots[0]![2]!.text).toBe('基本支出');
    expect(g.slots[1]![3]!.text).toBe('x');
    expect(g.slots[2]![3]!.text).toBe('3.00');
    const anchor = g.slots[2]![3]!.anchor;
    expect(anchor.kind === 'dom' && anchor.element.tagName.toLowerCase()).toBe('td');
  });

  it('clamps rowspan=0 and oversized spans to the table', () => {
    const [t] = tables(`<table><tr><td rowspan="0">a</td><td>b</td></tr><tr><td>c</td></tr><tr><td>d</td></tr></table>`);
    expect(t!.grid.slots[2]![0]!.text).toBe('a');
    expect(t!.grid.slots[2]![1]!.text).toBe('d');
  });

  it('reads <p>/<span>/<br>/&nbsp; inside cells as one line, joining Chinese without spaces', () => {
    const [t] = tables(`<table><tr><td><p class=MsoNormal><span>对个人和家</span></p><p><span>庭的补助</span></p></td><td>一般公共<br>预算&nbsp;</td><td><p><span lang=EN-US>1,070.00<o:p></o:p></span></p></td></tr><tr><td>a</td><td>b</td><td>c</td></tr></table>`);
    const row = t!.grid.slots[0]!;
    expect(row[0]!.text).toBe('对个人和家庭的补助');
    expect(row[1]!.text).toBe('一般公共预算');
    expect(row[2]!.text).toBe('1,070.00');
  });

  it('ignores hidden rows, cells and spans (Word/Excel ghost rows, display:none)', () => {
    const [t] = tables(`<table><tr><td>合计</td><td>5.00<span style="display:none">99</span></td></tr>
      <tr height=0 style='display:none'><td width=64></td><td width=64></td></tr>
      <tr><td hidden>x</td><td>a</td><td>b</td></tr></table>`);
    expect(t!.grid.nRows).toBe(2);
    expect(t!.grid.slots[0]![1]!.text).toBe('5.00');
    expect(t!.grid.slots[1]![0]!.text).toBe('a');
  });

  it('reads layout tables (nested tables, one column) as page flow', () => {
    const x = extract(`<table><tr><td><p>一、收入支出预算总体情况说明</p><table><tr><td>项目</td><td>金额</td></tr><tr><td>合计</td><td>1.00</td></tr></table></td></tr></table>`);
    expect(x.blocks.map((b) => b.type)).toEqual(['text', 'table']);
    expect((x.blocks[0] as TextBlock).text).toBe('一、收入支出预算总体情况说明');
  });

  it('skips scripts, styles and form controls', () => {
    const x = extract(`<p>正文<script>var a = "合计 1.00"</script></p><style>p{}</style><select><option>2024</option></select>`);
    expect(x.blocks.map((b) => (b as TextBlock).text)).toEqual(['正文']);
  });

  it('marks <thead>/<th> rows as header', () => {
    const [t] = tables(`<table><thead><tr><th>项目</th><th>金额</th></tr></thead><tbody><tr><td>合计</td><td>1</td></tr></tbody></table>`);
    expect(t!.grid.headerHint).toBe(1);
  });
});

describe('charsets', () => {
  it('honours a GB2312 meta declaration', () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>';
    const gbk = Uint8Array.from([...Buffer.from(html, 'latin1'), 0xd6, 0xd0, 0xce, 0xc4]);
    expect(sniffCharset(gbk)).toBe('gb18030');
    expect(decodeHtml(gbk).text).toContain('中文');
  });
  it('prefers the Content-Type header, and falls back to GB18030 for undeclared non-UTF-8 bytes', () => {
    expect(sniffCharset(new Uint8Array([0x41]), 'text/html; charset=GBK')).toBe('gb18030');
    expect(sniffCharset(Uint8Array.from([0x3c, 0x70, 0x3e, 0xd6, 0xd0]))).toBe('gb18030');
    expect(sniffCharset(Uint8Array.from(Buffer.from('<p>中</p>')))).toBe('utf-8');
  });
});

describe('framing: title, unit and organisation around a table', () => {
  it('finds them in the paragraphs before the table', () => {
    const a = analyzeHtml(`<title>2024年部门预算公开</title><p align=center><b>2024年部门收支预算表</b></p><p>部门名称：</p><p>某某市某局</p><p>单位：万元</p>
      <table><tr><td colspan=2>收入</td><td colspan=2>支出</td></tr><tr><td>项目</td><td>金额</td><td>项目</td><td>金额</td></tr>
      <tr><td>一、一般公共预算</td><td>10.00</td><td>一、一般公共服务</td><td>10.00</td></tr>
      <tr><td>本年收入合计</td><td>10.00</td><td>本年支出合计</td><td>10.00</td></tr>
      <tr><td>收入总计</td><td>10.00</td><td>支出总计</td><td>10.00</td></tr></table>`);
    const t = a.doc.tables[0]!;
    expect(t.kind).toBe('income-expenditure');
    expect(t.title).toBe('2024年部门收支预算表');
    expect(t.unit).toBe('万元');
    expect(t.unitSource).toBe('line');
    expect(t.org).toBe('某某市某局');
  });

  it('finds them inside the table when an Excel export put them in the first rows', () => {
    const a = analyzeHtml(`<table><tr><td colspan=6>2024年一般公共预算“三公”经费预算表</td></tr><tr><td colspan=3>部门名称：某局</td><td colspan=3>单位：元</td></tr>
      <tr><td rowspan=2>“三公”经费合计</td><td rowspan=2>因公出国（境）费</td><td colspan=3>公务用车购置及运行费</td><td rowspan=2>公务接待费</td></tr>
      <tr><td>小计</td><td>公务用车购置费</td><td>公务用车运行费</td></tr>
      <tr><td>6.50</td><td></td><td>4.00</td><td></td><td>4.00</td><td>2.50</td></tr></table>`);
    const t = a.doc.tables[0]!;
    expect(t.kind).toBe('three-public');
    expect(t.unit).toBe('元');
    expect(t.org).toBe('某局');
    expect(t.columns.map((c) => c.key)).toEqual(['total', 'abroad', 'vehicle', 'vehicle.purchase', 'vehicle.run', 'reception']);
    expect(t.rows[0]!.values['total']!.text).toBe('6.50');
  });
});
