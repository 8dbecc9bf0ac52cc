/**
 * Explanations for students: every rule explains itself with an example, the glossary names the terms of
 * 名词解释, codes read as 类 › 款 › 项, and on a real page the headers and codes that can be hovered are found.
 */
import { describe, expect, it } from 'vitest';
import { explainCode, GLOSSARY, termFor, termsIn } from '../../lib/glossary';
import { explanations } from '../../lib/report/explanations';
import { toReport } from '../../lib/report/export';
import { RULES } from '../../lib/rules/registry';
import { parseSettings, ruleFilter, DEFAULT_SETTINGS } from '../../lib/settings';
import { analyzeFixture } from '../helpers';

describe('rules explain themselves', () => {
  it('every rule has a zh and en title, a plain explanation and a worked example with numbers or names', () => {
    for (const r of RULES) {
      for (const part of [r.title, r.explain, r.example]) {
        expect(part.zh.length, r.id).toBeGreaterThan(4);
        expect(part.en.length, r.id).toBeGreaterThan(4);
      }
      expect(r.explain.zh.length, r.id).toBeGreaterThan(20);
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('every rule has a heading that says what is wrong, distinct from the relation it checks', () => {
    for (const r of RULES) {
      expect(r.problem.zh.length, r.id).toBeGreaterThan(4);
      expect(r.problem.en.length, r.id).toBeGreaterThan(4);
      if (r.id !== 'R28' && r.id !== 'X02') expect(r.problem.zh, r.id).not.toBe(r.title.zh);
    }
  });
});

describe('glossary', () => {
  it('names the 名词解释 terms, matching the longest word', () => {
    expect(termFor('基本支出')?.id).toBe('basic');
    expect(termFor('项目支出小计')?.id).toBe('project');
    expect(termFor('“三公”经费合计')?.id).toBe('threePublic');
    expect(termFor('财政专户管理资金')?.id).toBe('special');
    expect(termFor('日常公用经费')?.id).toBe('public');
    expect(termFor('机关运行经费')?.id).toBe('operating');
    expect(termFor('类')?.id).toBe('lei');
    expect(termFor('类型')).toBeUndefined();
    for (const t of GLOSSARY) expect(t.explain.zh.length).toBeGreaterThan(10);
  });

  it('finds the terms a text uses', () => {
    const ids = termsIn('本年支出合计中基本支出 562.63 万元，项目支出 507.37 万元；“三公”经费为 0').map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['basic', 'project', 'threePublic']));
  });

  it('reads codes level by level, function and economic', () => {
    expect(explainCode('2010301')!.levels.map((l) => l.name)).toEqual(['一般公共服务支出', '政府办公厅（室）及相关机构事务', '行政运行']);
    expect(explainCode('201 03 01')!.kind).toBe('function');
    expect(explainCode('30113')!.levels.map((l) => l.name)).toEqual(['工资福利支出', '住房公积金']);
    expect(explainCode('999')).toBeUndefined();
  });

  it('on a page: table titles, headers and codes that can be hovered', () => {
    const ex = explanations(analyzeFixture('000-word-cms.html'));
    const titles = ex.map((e) => e.title.zh);
    expect(titles).toEqual(expect.arrayContaining(['基本支出', '项目支出', '部门支出预算表']));
    const code = ex.find((e) => e.title.zh === '科目 2010301');
    expect(code?.body.zh).toMatch(/一般公共服务支出.*行政运行/);
    expect(ex.every((e) => e.anchor.kind === 'dom')).toBe(true);
  });
});

describe('chart data', () => {
  it('a 决算 narrative gives final figures beside their budgets', async () => {
    const r = toReport(analyzeFixture('000-word-cms.html'));
    expect(r.budgetVsFinal).toEqual([]);
    expect(r.byFunction.length).toBeGreaterThan(1);
    expect(r.keyFigures.map((k) => k.name)).toEqual(expect.arrayContaining(['基本支出', '项目支出', '人员经费', '公用经费']));
  });
});

describe('settings', () => {
  it('parse with defaults for anything missing or wrong, field by field', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    const s = parseSettings({ language: 'fr', tolerance: 'strict', groups: { narrative: false, arithmetic: 'yes' } });
    expect(s.language).toBe('auto');
    expect(s.tolerance).toBe('strict');
    expect(s.groups.narrative).toBe(false);
    expect(s.groups.arithmetic).toBe(true);
    expect(s.interceptPdf).toBe(true);
  });

  it('groups switched off leave their rules out, except the always-on readability check', () => {
    const s = parseSettings({ groups: { narrative: false, completeness: false } });
    const on = RULES.filter(ruleFilter(s)).map((r) => r.id);
    expect(on).not.toContain('R23');
    expect(on).toContain('X01');
    expect(on).toContain('R01');
    const a = analyzeFixture('003-clean-gbk.html', { enabled: ruleFilter(s) });
    expect(a.findings.some((f) => RULES.find((r) => r.id === f.rule)?.group === 'narrative')).toBe(false);
  });
});
