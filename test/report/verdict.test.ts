import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze';
import { loadFile } from '../../lib/cli/main';
import { batchLine } from '../../lib/cli/render';
import { toReport } from '../../lib/report/export';
import { toMarkdown } from '../../lib/report/markdown';
import { Report } from '../../lib/report/schema';
import { textReport } from '../../lib/report/text';
import { departmentsOf } from '../../lib/report/summary';
import { verdict } from '../../lib/report/verdict';
import type { BudgetDoc } from '../../lib/recognize/model';
import { analyzeFixture, FIXTURES } from '../helpers';

const report = (name: string) => Report.parse(toReport(analyzeFixture(name)));
const CORPUS = join(FIXTURES, '..', '..', '..', '..', 'shared', 'corpus');

/** A report with its findings taken away, to see what the verdict says of coverage alone. */
function withoutFindings(r: Report): Report {
  return { ...r, findings: [], counts: { error: 0, warning: 0, info: 0, passed: r.counts.passed } };
}

describe('verdicts that tell the truth about coverage', () => {
  it('a complete document without findings: ✓ and 未发现问题', () => {
    const r = withoutFindings(report('001-excel-export.html'));
    expect(r.inventory.every((e) => e.present)).toBe(true);
    const v = verdict(r);
    expect(v).toMatchObject({ mark: '✓', complete: true });
    expect(textReport(r)).toMatch(/结论：✓ 各标准表格齐全，核对未发现问题/);
    expect(toMarkdown(r)).toMatch(/## 发现的问题\n\n未发现问题。/);
  });

  it('missing standard tables are stated, never "未发现问题" or ✓', () => {
    const full = report('000-word-cms.html');
    const r = withoutFindings(full);
    const v = verdict(r);
    expect(v.mark).toBe('△');
    expect(v.complete).toBe(false);
    expect(v.zh).toMatch(/核对不完整；缺 3 张目录所列表格（共 14 张）：部门收入预算表、支出经济分类汇总表、行政（事业）单位机构运转经费预算表/);
    const text = textReport(r);
    expect(text).not.toMatch(/未发现问题/);
    expect(text).toMatch(/结论：△ 已读到的内容核对一致，但核对不完整；缺 3 张/);
    const memo = toMarkdown(r);
    expect(memo).not.toMatch(/未发现问题/);
    expect(memo).toMatch(/没有发现不一致，但核对不完整：缺 3 张/);
    expect(batchLine({ path: 'x.html', report: r }, undefined, 'zh')).toMatch(/^△ {2}x\.html — .*；缺 3 张目录所列表格（共 14 张）$/);
    expect(batchLine({ path: 'x.html', report: r }, undefined, 'en')).toMatch(/3 of 14 tables listed in the contents missing$/);
    // JSON carries it for scripts.
    expect(full.verdict).toMatchObject({ mark: '✗', complete: false, zh: verdict(full).zh });
    // With findings the same gap is still said.
    expect(verdict(full).zh).toMatch(/^发现错误 \d+ 处.*；缺 3 张/);
  });

  it('a document that promises 14 tables and has 2 says 12 are missing', () => {
    const r = withoutFindings(report('001-excel-export.html'));
    const cut: Report = { ...r, inventory: r.inventory.map((e, i) => ({ ...e, present: i < 2 })) };
    expect(verdict(cut).zh).toMatch(/缺 12 张标准表格（共 14 张）：.*等/);
    expect(textReport(cut)).not.toMatch(/未发现问题/);
  });

  it('a table that could not be read is stated', () => {
    const r = report('004-word-ocr.html');
    const unread = r.tables.filter((t) => t.unread);
    expect(unread.map((t) => t.kind)).toEqual(['three-public']);
    expect(verdict(withoutFindings(r))).toMatchObject({ mark: '△', complete: false });
    expect(verdict(r).zh).toMatch(/1 张表格没有读出数据行（相关核对未做）：2022年一般公共预算"三公"经费预算表/);
  });

  it('pages without text are stated', () => {
    const r = withoutFindings(report('001-excel-export.html'));
    const partial: Report = { ...r, warnings: [{ code: 'partial-text', message: 'pages 3-4 are images' }] };
    expect(verdict(partial)).toMatchObject({ mark: '△', complete: false });
    expect(textReport(partial)).toMatch(/部分页面没有文字层/);
  });

  it('a blank template is marked as such, never ✓', () => {
    const r = { ...withoutFindings(report('001-excel-export.html')), isTemplate: true };
    expect(verdict(r)).toMatchObject({ mark: '○', complete: false });
    expect(textReport(r)).toMatch(/结论：○ 空白模板/);
    expect(textReport(r)).not.toMatch(/未发现问题/);
    expect(batchLine({ path: 't.pdf', report: r }, undefined, 'zh')).toMatch(/^○ {2}t\.pdf — .*空白模板/);
  });

  it.skipIf(!existsSync(join(CORPUS, 'national-final-accounts-template.pdf')))(
    'the national 决算 template from the corpus is reported as a blank template',
    async () => {
      const x = await loadFile(join(CORPUS, 'national-final-accounts-template.pdf'));
      const r = Report.parse(toReport(analyze(x)));
      expect(r.isTemplate).toBe(true);
      expect(verdict(r).mark).toBe('○');
    },
    60_000,
  );
});

describe('the money summary', () => {
  it('shows totals without the source’s stray spaces, keeping the printed string beside them', () => {
    const r = report('004-word-ocr.html');
    const total = r.keyFigures.find((k) => k.name === '收入总计')!;
    expect(total).toMatchObject({ value: '883.50', printed: '883. 50', unit: '万元' });
    expect(r.totals['收入总计']).toBe('883.50');
    const text = textReport(r);
    const summary = text.slice(text.indexOf('主要数字：'), text.indexOf('检查结果：'));
    expect(summary).toMatch(/收入总计 883\.50 万元/);
    expect(summary).not.toMatch(/883\. 50/);
    expect(toMarkdown(r)).toMatch(/\| 收入总计 \| 883\.50 万元 \|/);
    // Figures read as printed carry no second string.
    expect(report('003-clean-gbk.html').keyFigures.every((k) => k.printed === undefined)).toBe(true);
  });

  it('a booklet of several departments is not attributed to its first department', () => {
    const r = report('002-booklet-part.html');
    expect(r.organization).toBe('多个部门（3 个）');
    expect(r.organizations).toEqual(['洛阳市西工区人民代表大会常务委员会办公室', '中国人民政治协商会议洛阳市西工区委员会', '中国共产党洛阳市西工区纪律检查委员会']);
    expect(textReport(r)).toMatch(/部门：洛阳市西工区人民代表大会常务委员会办公室、中国人民政治协商会议洛阳市西工区委员会、/);
    expect(toMarkdown(r)).toMatch(/^# 预算透镜核对报告：多个部门（3 个）/);
  });

  it('one department with a placeholder name left in one table stays one department', () => {
    const r = report('004-word-ocr.html');
    expect(r.organization).toBe('洛阳市孟津区政务服务和大数据管理局');
    expect(r.organizations).toBeUndefined();
  });

  it('one department named with labels, codes, a unit suffix or cut short is one department', () => {
    const doc = (...orgs: string[]) => ({ tables: orgs.map((org) => ({ org })) }) as unknown as BudgetDoc;
    expect(departmentsOf(doc('常委会办公厅', '江苏省人大常委会办公厅', '部门：江苏省人大常委会办公厅', '部门： 江苏省人大常委会办公厅'))).toEqual([]);
    expect(departmentsOf(doc('深圳市统计局', '深圳市统计局（本级）', '编制单位：深圳市统计局'))).toEqual([]);
    expect(departmentsOf(doc('507-湖州市卫生健康委员会', '湖州市卫生健康委员会'))).toEqual([]);
    expect(departmentsOf(doc('上海市XX局', '上海市普陀区财政局'))).toEqual([]);
    expect(departmentsOf(doc('甲区财政局', '甲区审计局', '甲区财政局'))).toEqual(['甲区财政局', '甲区审计局']);
  });
});
