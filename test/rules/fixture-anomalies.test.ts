/**
 * Every anomaly the reference (budget-disclosures.md §3) lists for the seed files is found on the HTML
 * fixtures built from them, by the rule the reference names — and nothing else is reported as an error.
 */
import { describe, expect, it } from 'vitest';
import { analyzeFixture, describeFindings, errors } from '../helpers';
import type { Finding } from '../../lib/rules/types';

type Expect = [rule: string, severity: Finding['severity'], text: RegExp];

function check(name: string, expected: Expect[], opts: { exactErrors?: boolean } = {}) {
  const a = analyzeFixture(name);
  it('recognises it as a budget disclosure with no rule failures', () => {
    expect(a.doc.isBudget).toBe(true);
    expect(a.failures).toEqual([]);
  });
  for (const [rule, severity, text] of expected) {
    it(`finds ${rule} (${severity}) ${text.source}`, () => {
      const hit = a.findings.find((f) => f.rule === rule && f.severity === severity && text.test(f.message.zh));
      expect(hit, describeFindings(a.findings)).toBeTruthy();
    });
  }
  if (opts.exactErrors !== false) {
    it('raises no error where the relations hold', () => {
      const unexpected = errors(a).filter((f) => !expected.some(([r, s, t]) => r === f.rule && s === 'error' && t.test(f.message.zh)));
      expect(unexpected, describeFindings(unexpected)).toEqual([]);
    });
  }
  return a;
}

describe('000 洛阳市城乡一体化示范区党政办公室 2024 (Word-pasted CMS page)', () => {
  check('000-word-cms.html', [
    ['R29', 'error', /电子政务内网办公环境改造.*≤15\.93元.*单位写错/], // §3.1 #1
    ['R30a', 'error', /视频会议调度系延伸工程.*视频会商调度系延伸工程/], // §3.1 #2
    ['R30a', 'info', /方志铭古今/], // §3.1 #3 (extraction: a space)
    ['R30c', 'error', /部门收入预算表/], // §3.1 #4
    ['R30c', 'error', /支出经济分类汇总表/],
    ['R30c', 'error', /机构运转经费预算表/],
    ['R30c', 'info', /政府性基金预算支出预算表.*政府性基金支出预算表/], // §3.1 #5
    ['R30c', 'info', /部门预算项目绩效目标表.*本级部门预算项目绩效目标汇总表/],
    ['R17', 'info', /四舍五入/], // R11/R17: T14 rounded to 0.1 (ROUND)
  ]);
});

describe('001 中共洛阳市涧西区委办公室 2024 (Excel “save as web page”)', () => {
  const a = check('001-excel-export.html', [
    ['R21', 'warning', /行政运行.*项目支出 50\.00/], // §3.2 #2
    ['R22', 'warning', /无政府采购预算安排.*31002 办公设备购置 59\.00/], // §3.2 #3
    ['R30e', 'info', /2023年机要设备购置/], // §3.2 #4
    ['R30e', 'info', /2023年人武部专项经费/],
  ]);
  it('accepts the documented definition of 机构运转经费 (公用经费 − 31002 资本性, §3.2 #1 DEF)', () => {
    expect(a.findings.filter((f) => f.rule === 'R19')).toEqual([]);
    expect(a.passes.some((p) => p.rule === 'R19')).toBe(true);
  });
  it('all 14 tables are present and recognised', () => {
    expect(new Set(a.doc.tables.map((t) => t.kind)).size).toBe(14);
  });
});

describe('003 中共济源产城融合示范区工委办公室 2023 (clean HTML, GBK, split tables)', () => {
  const a = check('003-clean-gbk.html', [
    ['R25', 'error', /424\.25.*154\.59/], // §3.3 #1
    ['R30c', 'error', /部门收入预算表/], // §3.3 #2
    ['R30c', 'error', /支出经济分类汇总表/],
    ['R20', 'warning', /医疗保险缴费.*210 11 01/], // §3.3 #3
  ]);
  it('joins the tables split over pages with repeated headers', () => {
    const parts = Object.fromEntries(a.doc.tables.map((t) => [t.kind, t.parts]));
    expect(parts['fiscal-income-expenditure']).toBe(2);
    expect(parts['general-public-basic']).toBe(2);
    expect(parts['project-performance']).toBe(5);
  });
  it('rejoins a project name broken across two parts (驻村帮扶工作 / 经费)', () => {
    const t14 = a.doc.tables.find((t) => t.kind === 'project-performance')!;
    expect(t14.projects!.map((p) => p.name)).toContain('驻村帮扶工作经费');
    expect(t14.projects).toHaveLength(7);
  });
  it('accepts 机关运行经费 as the administrative part of 公用经费 (§3.3 R19 DEF)', () => {
    expect(a.findings.filter((f) => f.rule === 'R19')).toEqual([]);
  });
});

describe('004 洛阳市孟津区政务服务和大数据管理局 2022 (Word paste with OCR defects)', () => {
  check('004-word-ocr.html', [
    ['R30b', 'error', /医疗卫生与计划生育/], // §3.4 #1
    ['R21', 'warning', /行政运行.*250\.44/], // §3.4 #2
    ['R20', 'warning', /住房公积金.*221 02 01/], // §3.4 #3
    ['R20', 'warning', /医疗保险缴费.*21\.25.*22\.26/],
    ['R30d', 'error', /XXXX/], // §3.4 #4
    ['R30d', 'error', /市 xxx 局.*政府性基金/],
    ['R30d', 'error', /市 xxx 局.*国有资本/],
    ['R30d', 'error', /万元万元/], // §3.4 #5
    ['R30f', 'warning', /工作经费.*大厅运行经费预算成本/], // §3.4 #6
    ['R29', 'warning', /110 联动办公经费预算成本.*没有填写/],
    ['R29', 'warning', /北区大厅光纤租赁费预算成本.*没有填写/],
    ['R31', 'warning', /绩效目标编制完成率.*绩效监控完成率/], // §3.4 #7
    ['R28', 'warning', /车辆 1 辆/], // §3.4 #8
    ['R02', 'warning', /完全重复/], // §3.4 #9
    ['R15', 'info', /类型.*全部为空/], // §3.4 #10
  ]);
});

describe('002 西工区 2024 绩效目标汇编 (part, 元)', () => {
  const a = check('002-booklet-part.html', [
    ['R32', 'error', /6 个项目前没有部门或单位行/], // §3.5 (b) #1
    ['R32', 'warning', /806 财政专户/], // §3.5 (b) #3
    ['R29', 'error', /办案经费-公务用车维护费.*12\.86 元.*单位写错/], // §3.5 (c) unit
    ['R29', 'error', /政协会议费.*≤20\.52万元.*低于项目金额/], // cap below amount
    ['R29', 'warning', /人大社会建设委员会工作经费.*≥1\.53万.*下限/], // ceiling written with ≥
    ['R29', 'warning', /政协工委建设及活动经费.*≤2万元.*高于/], // caps above amount
    ['R29', 'warning', /党建工作经费.*30000 元.*高于/],
    ['R29', 'warning', /办案经费-其他.*1500000元.*高于/],
  ]);
  it('is a performance-target booklet in 元', () => {
    expect(a.doc.kind).toBe('performance-targets');
    expect(a.doc.unit).toBe('元');
  });
  it('reconciles every department block against its overall table (R32 holds for 101, 104, 105)', () => {
    expect(a.findings.filter((f) => f.rule === 'R32' && /部门“/.test(f.message.zh))).toEqual([]);
    expect(a.passes.filter((p) => p.rule === 'R32').length).toBeGreaterThanOrEqual(3);
  });
});

describe('ordinary pages with numeric tables', () => {
  for (const name of ['news-stats.html', 'shop.html', 'news-plain.html']) {
    it(`${name} is not a budget disclosure and gets no findings`, () => {
      const a = analyzeFixture(name);
      expect(a.doc.isBudget).toBe(false);
      expect(a.doc.kind).toBe('other');
      expect(a.findings).toEqual([]);
    });
  }
});
