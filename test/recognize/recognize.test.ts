import { describe, expect, it } from 'vitest';
import { codeFromParts, splitLeadingCode } from '../../lib/recognize/codes';
import { kindFromTitle } from '../../lib/recognize/catalog';
import { functionClassByName } from '../../lib/codes/functional';
import { kindFromHeader } from '../../lib/recognize/tables';
import { analyzeFixture, analyzeHtml } from '../helpers';

describe('类/款/项 codes however printed', () => {
  it.each([
    [['201', '03', '01'], '2010301'],
    [['201', '3', '1'], '2010301'],
    [['208', '5', '5'], '2080505'],
    [['210', '11', '1'], '2101101'],
    [['201', '', ''], '201'],
    [['201', '06', ''], '20106'],
    [['2010301', '', ''], '2010301'],
  ])('%j → %s', (parts, code) => {
    expect(codeFromParts(...(parts as [string, string, string]))).toBe(code);
  });
  it('splits a code from the start of a name cell', () => {
    expect(splitLeadingCode('201 03 01 行政运行')).toEqual({ code: '2010301', rest: '行政运行' });
    expect(splitLeadingCode('2010301行政运行')).toEqual({ code: '2010301', rest: '行政运行' });
    expect(splitLeadingCode('201 3 1 行政运行')).toEqual({ code: '2010301', rest: '行政运行' });
    expect(splitLeadingCode('30101 基本工资')).toEqual({ code: '30101', rest: '基本工资' });
    expect(splitLeadingCode('1070.00')).toBeUndefined();
  });
  it('maps printed function names, current and outdated, to their class', () => {
    expect(functionClassByName('一、一般公共服务')).toEqual({ code: '201', legacy: false });
    expect(functionClassByName('（十）卫生健康支出')).toEqual({ code: '210', legacy: false });
    expect(functionClassByName('(九) 医疗卫生与计划生育支出')).toEqual({ code: '210', legacy: true });
    expect(functionClassByName('七、文化旅游体育与传媒')?.code).toBe('207');
    expect(functionClassByName('（七）文化体育旅游与传媒支出')?.code).toBe('207');
    expect(functionClassByName('十四、资源勘探工业信息等支出')?.code).toBe('215');
  });
});

describe('table kinds', () => {
  it.each([
    ['2024年部门收支预算表', 'income-expenditure'],
    ['一、部门收支预算表', 'income-expenditure'],
    ['# 2022 年部门收入预算表', 'income'],
    ['2023 年部门支出预算表', 'expenditure'],
    ['2023 年财政拨款收支总体情况表', 'fiscal-income-expenditure'],
    ['2024年一般公共预算支出预算表', 'general-public-expenditure'],
    ['一般公共预算基本支出表', 'general-public-basic'],
    ['2024年支出经济分类汇总表', 'economic-summary'],
    ['2024年一般公共预算“三公”经费预算表', 'three-public'],
    ['2024年政府性基金支出预算表', 'gov-fund-expenditure'],
    ['2023 年国有资本经营预算支出预算表', 'state-capital-expenditure'],
    ['行政（事业）单位机构运转经费预算表', 'operating-cost'],
    ['项目支出预算表', 'projects'],
    ['部门(单位)整体绩效目标表 (2023 年度)', 'overall-performance'],
    ['本级部门预算项目绩效目标汇总表', 'project-performance'],
    ['收入支出决算总表', 'final.income-expenditure'],
    ['收入决算表', 'final.income'],
    ['支出决算表', 'final.expenditure'],
    ['财政拨款收入支出决算总表', 'final.fiscal-income-expenditure'],
    ['一般公共预算财政拨款支出决算表', 'final.general-public-expenditure'],
    ['一般公共预算财政拨款基本支出决算表', 'final.general-public-basic'],
    ['财政拨款“三公”经费支出决算表', 'final.three-public'],
    ['政府性基金预算财政拨款收入支出决算表', 'final.gov-fund'],
    ['国有资本经营预算财政拨款收入支出决算表', 'final.state-capital'],
  ])('%s → %s', (title, kind) => {
    expect(kindFromTitle(title)).toBe(kind);
  });
  it('names no kind for section headings', () => {
    expect(kindFromTitle('一、收入支出预算总体情况说明')).toBeUndefined();
    expect(kindFromTitle('第三部分 名词解释')).toBeUndefined();
  });
  it('falls back to the header shape when the title is missing', () => {
    expect(kindFromHeader('科目编码/类|单位代码|合计|基本支出/小计|项目支出/小计', new Set())).toBe('expenditure');
    expect(kindFromHeader('科目编码/类|单位代码|合计|基本支出/小计|项目支出/小计', new Set(['expenditure']))).toBe('general-public-expenditure');
    expect(kindFromHeader('"三公"经费合计|因公出国(境)费|公务接待费', new Set())).toBe('three-public');
    expect(kindFromHeader('收入/项目|收入/金额|支出/项目|支出/金额', new Set())).toBe('income-expenditure');
  });
  it('recognises an untitled expenditure table by its header', () => {
    const a = analyzeHtml(`<title>部门预算</title><table>
      <tr><td colspan=3>科目编码</td><td rowspan=2>单位（科目名称）</td><td rowspan=2>合计</td><td rowspan=2>基本支出</td><td rowspan=2>项目支出</td></tr>
      <tr><td>类</td><td>款</td><td>项</td></tr>
      <tr><td></td><td></td><td></td><td>合计</td><td>3.00</td><td>2.00</td><td>1.00</td></tr>
      <tr><td>201</td><td>03</td><td>01</td><td>行政运行</td><td>3.00</td><td>2.00</td><td>1.00</td></tr></table>`);
    const t = a.doc.tables[0]!;
    expect(t.kind).toBe('expenditure');
    expect(t.rows[1]!.code).toBe('2010301');
    expect(t.columns.map((c) => c.key)).toEqual(['code.class', 'code.kuan', 'code.item', 'name', 'total', 'basic.total', 'project.total']);
  });
});

describe('the 目录 against the tables present', () => {
  it('000 lists 14 tables; 11 are present', () => {
    const a = analyzeFixture('000-word-cms.html');
    expect(a.doc.toc).toHaveLength(14);
    const missing = a.doc.toc.filter((e) => !a.doc.tables.some((t) => t.kind === e.kind)).map((e) => e.number);
    expect(missing).toEqual([2, 7, 11]);
  });
  it('001 has no 目录', () => {
    expect(analyzeFixture('001-excel-export.html').doc.toc).toEqual([]);
  });
});

describe('document summary facts', () => {
  it.each([
    ['000-word-cms.html', 'budget', 2024, '洛阳市城乡一体化示范区党政办公室', '万元', 11],
    ['001-excel-export.html', 'budget', 2024, '中国共产党洛阳市涧西区委员会办公室', '万元', 14],
    ['003-clean-gbk.html', 'budget', 2023, '中共济源产城融合示范区工作委员会办公室', '万元', 11],
    ['004-word-ocr.html', 'budget', 2022, '洛阳市孟津区政务服务和大数据管理局', '万元', 13],
  ])('%s: %s %d %s %s, %d tables', (f, kind, year, org, unit, n) => {
    const d = analyzeFixture(f).doc;
    expect(d.kind).toBe(kind);
    expect(d.year).toBe(year);
    expect(d.organization).toBe(org);
    expect(d.unit).toBe(unit);
    expect(d.tables).toHaveLength(n);
  });
  it('reads amounts with split decimals and lost points in 004 (883. 50, 883 50)', () => {
    const d = analyzeFixture('004-word-ocr.html').doc;
    const t2 = d.tables.find((t) => t.kind === 'income')!;
    const total = t2.rows.find((r) => r.kind === 'total')!;
    expect(total.values['grandTotal']!.amount!.units).toBe(88350);
    expect(total.values['income.total']!.amount!.units).toBe(88350);
    expect(total.values['income.total']!.amount!.repair).toBe('lost-decimal-point');
  });
  it('reads zero-stripped codes in 004 (201 3 1 → 2010301)', () => {
    const d = analyzeFixture('004-word-ocr.html').doc;
    const t5 = d.tables.find((t) => t.kind === 'general-public-expenditure')!;
    expect(t5.rows.filter((r) => r.kind === 'function').map((r) => r.code)).toEqual(['2010301', '2080505', '2101101']);
  });
  it('infers the income labels 004 lost in its closing rows from the expenditure side', () => {
    const d = analyzeFixture('004-word-ocr.html').doc;
    const t1 = d.tables.find((t) => t.kind === 'income-expenditure')!;
    expect(t1.rows.find((r) => r.key === 'income.total')?.values['income.amount']?.text).toMatch(/883/);
    expect(t1.rows.find((r) => r.key === 'income.grand')?.values['income.amount']?.text).toMatch(/883/);
  });
});
