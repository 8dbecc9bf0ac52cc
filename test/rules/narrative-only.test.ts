/**
 * A 说明 published without its tables: recognised as a disclosure and checked for what its text allows —
 * stated parts against stated totals (R33), stated changes (R25) — and told where its tables are (X03).
 */
import { describe, expect, it } from 'vitest';
import { analyzeHtml } from '../helpers';

const page = (threePublic: string, change = '增加 148.16 万元，增长 0.34%') => `
<title>某某局2026年部门预算信息公开</title>
<h1>某某局2026年度部门预算情况说明</h1>
<p>一、收入预算情况说明</p>
<p>2026年度收入预算44169.36万元，比2025年年初预算数44021.20万元${change}。</p>
<p>二、支出预算情况说明</p>
<p>2026年支出预算44169.36万元，其中基本支出预算28016.26万元，项目支出预算16153.10万元。</p>
<p>四、财政拨款“三公”经费预算情况说明</p>
<p>2026年财政拨款“三公”经费预算${threePublic}万元。</p>
<p>（一）因公出国（境）费用。2026年预算数127.74万元，主要用于公共管理政策交流等工作。</p>
<p>（二）公务接待费。2026年预算数11.64万元。</p>
<p>（三）公务用车购置和运行维护费。2026年预算数84.42万元，包括公务用车购置费预算44.92万元、公务用车运行维护费预算39.50万元。</p>
<p>附件：<a href="/files/附表.xls">附表.xls</a></p>`;

const errors = (html: string, rule: string) => analyzeHtml(html).findings.filter((f) => f.rule === rule && f.severity === 'error');

describe('a narrative-only 说明', () => {
  it('is a disclosure, and says its tables are in the attachment (X03)', () => {
    const a = analyzeHtml(page('223.80'));
    expect(a.doc.isBudget).toBe(true);
    expect(a.findings.some((f) => f.rule === 'X03' && f.message.zh.includes('附表.xls'))).toBe(true);
  });

  it('R33: stated 三公 parts that add up raise nothing; a total that does not is an error', () => {
    expect(errors(page('223.80'), 'R33')).toEqual([]);
    const wrong = errors(page('233.80'), 'R33');
    expect(wrong).toHaveLength(1);
    expect(wrong[0]!.message.zh).toContain('233.80');
  });

  it('R25: a stated prior figure and change that disagree are an error; agreeing ones are not', () => {
    expect(errors(page('223.80'), 'R25')).toEqual([]);
    expect(errors(page('223.80', '增加 158.16 万元，增长 0.34%'), 'R25').length).toBeGreaterThan(0);
  });
});
