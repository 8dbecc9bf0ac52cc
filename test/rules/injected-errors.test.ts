/**
 * Single injected errors: each case changes one printed figure (or word) of a clean fixture page and
 * asserts that the named rule reports it. Together with fixture-anomalies.test.ts (the same pages
 * unchanged raise no such error) this shows each rule both fires and stays silent.
 */
import { describe, expect, it } from 'vitest';
import { analyzeMutated, describeFindings, setCell, setText, tableAfter } from '../helpers';
import type { Finding } from '../../lib/rules/types';

interface Case {
  rule: string;
  severity?: Finding['severity'];
  page: string;
  what: string;
  mutate: (d: Document) => void;
  /** Text the finding must mention (the changed value). */
  mentions?: RegExp;
}

const P001 = '001-excel-export.html';
const P000 = '000-word-cms.html';
const P003 = '003-clean-gbk.html';

const cases: Case[] = [
  { rule: 'R01', page: P001, what: '本年支出合计 changed', mentions: /969\.16/, mutate: (d) => setCell(tableAfter(d, '2024年部门收支预算表'), /本年支出合计/, /^969\.06$/, '969.16', 1) },
  { rule: 'R02', page: P001, what: 'income table: 本年收入合计 of the total row', mentions: /969\.60/, mutate: (d) => setCell(tableAfter(d, '2024年部门收入预算表'), /^合计/, /^969\.06$/, '969.60', 1) },
  { rule: 'R03', page: P001, what: '行政运行 basic subtotal', mentions: /508\.70/, mutate: (d) => setCell(tableAfter(d, '2024年部门支出预算表'), /行政运行/, /^508\.07$/, '508.70') },
  { rule: 'R04', page: P001, what: 'fiscal table: 社会保障和就业支出 合计', mentions: /73\.96/, mutate: (d) => setCell(tableAfter(d, '2024年财政拨款收支预算表'), /社会保障和就业支出/, /^73\.69$/, '73.96') },
  { rule: 'R05', page: P001, what: 'basic table: 基本工资 personnel column', mentions: /152\.62/, mutate: (d) => setCell(tableAfter(d, '2024年一般公共预算基本支出预算表'), /基本工资/, /^151\.62$/, '152.62', 1) },
  { rule: 'R06', page: P001, what: 'economic summary: 绩效工资 总计', mentions: /51\.71/, mutate: (d) => setCell(tableAfter(d, '2024年支出经济分类汇总表'), /绩效工资/, /^51\.17$/, '51.71') },
  { rule: 'R07', page: P001, what: '三公 合计', mentions: /7\.50/, mutate: (d) => setCell(tableAfter(d, '“三公”经费预算表'), null, /^6\.50$/, '7.50') },
  { rule: 'R08', page: P001, what: 'operating costs: 办公费', mentions: /8\.52/, mutate: (d) => setCell(tableAfter(d, '机构运转经费预算表'), /办公费/, /^8\.02$/, '8.52') },
  { rule: 'R09', page: P001, what: 'project table: one project', mentions: /49\.50/, mutate: (d) => setCell(tableAfter(d, '2024年项目支出预算表'), /2024年机关运行经费/, /^49\.00$/, '49.50') },
  { rule: 'R10', page: P001, what: 'overall performance: 项目支出', mentions: /278\.00/, mutate: (d) => setCell(tableAfter(d, '整体绩效目标表'), /项目支出/, /^287\.00$/, '278.00') },
  { rule: 'R11', page: P001, what: 'project performance: one project total', mutate: (d) => setCell(tableAfter(d, '项目绩效目标汇总表'), /2024年机关运行经费/, /^49\.00$/, '94.00') },
  { rule: 'R12', page: P001, what: 'summary: 社会保障和就业', mentions: /73\.96/, mutate: (d) => setCell(tableAfter(d, '2024年部门收支预算表'), /社会保障和就业/, /^73\.69$/, '73.96') },
  { rule: 'R13', page: P001, what: 'general budget table: 行政运行 total', mentions: /558\.70/, mutate: (d) => setCell(tableAfter(d, '2024年一般公共预算支出预算表'), /行政运行/, /^558\.07$/, '558.70') },
  { rule: 'R14', page: P001, what: 'basic table total: 人员经费', mentions: /630\.83/, mutate: (d) => setCell(tableAfter(d, '2024年一般公共预算基本支出预算表'), /^合计/, /^630\.38$/, '630.83') },
  { rule: 'R15', page: P001, what: 'project table total', mentions: /278\.00/, mutate: (d) => setCell(tableAfter(d, '2024年项目支出预算表'), null, /^287\.00$/, '278.00') },
  { rule: 'R16', page: P001, what: 'income table 总计', mentions: /996\.06/, mutate: (d) => setCell(tableAfter(d, '2024年部门收入预算表'), /^合计/, /^969\.06$/, '996.06', 0) },
  {
    rule: 'R17', page: P001, what: 'a project amount in the performance table only', mentions: /4\.50/,
    mutate: (d) => {
      const t = tableAfter(d, '项目绩效目标汇总表');
      setCell(t, /劳务派遣/, /^3\.50$/, '4.50', 0);
      setCell(t, /劳务派遣/, /^3\.50$/, '4.50', 0);
    },
  },
  {
    rule: 'R18', severity: 'warning', page: P001, what: '三公 公务接待费 against 30217',
    mutate: (d) => {
      const t = tableAfter(d, '“三公”经费预算表');
      setCell(t, null, /^2\.50$/, '3.00');
      setCell(t, null, /^6\.50$/, '7.00');
    },
  },
  { rule: 'R19', severity: 'warning', page: P001, what: '机构运转经费 in the text', mutate: (d) => setText(d, '机构运转经费支出预算49.68万元', '机构运转经费支出预算44.68万元') },
  { rule: 'R22', page: P000, what: 'procurement split', mutate: (d) => setText(d, '政府采购货物预算8.70万元', '政府采购货物预算7.70万元') },
  { rule: 'R23', page: P000, what: '基本支出 in the text', mentions: /562\.36/, mutate: (d) => setText(d, '基本支出 562.63 万元', '基本支出 562.36 万元') },
  { rule: 'R24', page: P000, what: 'a share', mentions: /52\.85%/, mutate: (d) => setText(d, '占 52.58%', '占 52.85%') },
  { rule: 'R25', page: P000, what: 'a YoY rate', mentions: /1\.39%/, mutate: (d) => setText(d, '增长 1.93%', '增长 1.39%') },
  { rule: 'R26', page: P001, what: '三公 total change', mutate: (d) => setText(d, '减少 1.00万元', '减少 2.00万元') },
  { rule: 'R27', page: P003, what: 'vehicle count', mutate: (d) => setText(d, '共有车辆 27 辆', '共有车辆 28 辆') },
  { rule: 'R27', page: P001, what: 'number of offices listed', mutate: (d) => setText(d, '6个职能股室', '7个职能股室') },
  {
    rule: 'R30b', page: P000, what: 'health spending moved to the outdated label',
    mutate: (d) => {
      const t = tableAfter(d, '2024年财政拨款收支预算表');
      const rows = [...t.querySelectorAll('tr')];
      const cur = rows.find((r) => (r.textContent ?? '').includes('卫生健康支出'))!;
      const old = rows.find((r) => (r.textContent ?? '').includes('医疗卫生与计划生育'))!;
      const curCells = [...cur.querySelectorAll('td')];
      const oldCells = [...old.querySelectorAll('td')];
      const k = curCells.findIndex((c) => (c.textContent ?? '').includes('卫生健康支出'));
      const j = oldCells.findIndex((c) => (c.textContent ?? '').includes('医疗卫生与计划生育'));
      for (let i = 1; i <= 3; i++) {
        oldCells[j + i]!.textContent = curCells[k + i]!.textContent;
        curCells[k + i]!.textContent = '';
      }
    },
  },
  { rule: 'R30d', page: P001, what: 'a placeholder left in', mutate: (d) => setText(d, '2024年收入总计', 'XX局2024年收入总计') },
  { rule: 'R31', page: P000, what: 'a rate above 100%', mutate: (d) => setCell(tableAfter(d, '整体绩效目标表'), /预算执行率/, /^≥98%$/, '>100%') },
];

describe('single injected errors are caught by the named rule', () => {
  for (const c of cases) {
    it(`${c.rule}: ${c.what} (${c.page})`, () => {
      const a = analyzeMutated(c.page, c.mutate);
      const sev = c.severity ?? 'error';
      // One slip is one finding: the named rule may be the lead relation or one of those it also breaks.
      const hits = a.findings.filter((f) => (f.rule === c.rule || f.also?.some((x) => x.rule === c.rule)) && f.severity === sev && (!c.mentions || c.mentions.test(f.message.zh)));
      expect(hits.length, describeFindings(a.findings)).toBeGreaterThan(0);
      for (const h of hits) expect(h.evidence.length).toBeGreaterThan(0);
    });
  }
});

describe('one slip, one finding', () => {
  it('a wrong cell that breaks its row, its column and another table is reported once, naming the cell and every relation', () => {
    const a = analyzeMutated(P001, (d) => setCell(tableAfter(d, '2024年部门收支预算表'), /社会保障和就业/, /^73\.69$/, '73.96'));
    const errs = a.findings.filter((f) => f.severity === 'error');
    const slip = errs.find((f) => f.slip?.printed === '73.96');
    expect(slip, describeFindings(a.findings)).toBeTruthy();
    expect(slip!.also!.length).toBeGreaterThan(0);
    expect(slip!.message.zh).toMatch(/一处数字使 \d+ 项核对不成立/);
    expect(errs.filter((f) => f !== slip && f.evidence.some((e) => e.kind === 'cell' && e.cell.text === '73.96'))).toEqual([]);
  });
});

describe('findings carry expected, printed and difference for sums', () => {
  it('R03 reports 508.70 printed against 508.07 expected, difference 0.63', () => {
    const a = analyzeMutated(P001, (d) => setCell(tableAfter(d, '2024年部门支出预算表'), /行政运行/, /^508\.07$/, '508.70'));
    const f = a.findings.find((x) => (x.rule === 'R03' || x.also?.some((y) => y.rule === 'R03')) && x.printed === '508.70')!;
    expect(f).toBeTruthy();
    expect(f.expected).toBe('508.07');
    expect(f.difference).toBe('0.63');
    expect(f.values).toContain('508.70');
    expect(f.evidence.some((e) => e.kind === 'cell' && e.cell.text === '508.70')).toBe(true);
  });
  it('a one-cent slip in a four-part sum is rounding (info), not an error, under the rounding-aware policy', () => {
    const a = analyzeMutated(P001, (d) => setCell(tableAfter(d, '2024年部门支出预算表'), /行政运行/, /^508\.07$/, '508.08'));
    const r03 = a.findings.filter((x) => x.rule === 'R03' && /508\.08/.test(x.message.zh));
    expect(r03.length).toBeGreaterThan(0);
    expect(r03.every((x) => x.severity === 'info')).toBe(true);
    const strict = analyzeMutated(P001, (d) => setCell(tableAfter(d, '2024年部门支出预算表'), /行政运行/, /^508\.07$/, '508.08'), { policy: 'strict' });
    expect(strict.findings.some((x) => x.rule === 'R03' && x.severity === 'error')).toBe(true);
  });
});
