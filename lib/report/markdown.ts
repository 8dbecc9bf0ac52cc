import { cleanText } from './clean-text';
import type { Report } from './schema';
import { verdict } from './verdict';

/**
 * A Markdown memo of the findings, for a story draft or an audit file: what the document is, its key
 * figures, each finding with the cells it cites, and the tables against the 目录. Text from the document is
 * escaped, so nothing in it turns into markup.
 */
const SEV = { error: '错误', warning: '警告', info: '提示' } as const;
const KIND = { budget: '部门预算', 'final-accounts': '部门决算', 'performance-targets': '绩效目标', other: '（不是预算公开文件）' } as const;

export function md(s: string | number | undefined | null): string {
  return cleanText(String(s ?? ''))
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_[\]<>|#~])/g, '\\$1');
}

export function toMarkdown(r: Report, opts: { generated?: string } = {}): string {
  const out: string[] = [];
  out.push(`# 预算透镜核对报告：${md(r.organization ?? r.source)}${r.year ? ` ${r.year} 年` : ''}${md(KIND[r.kind])}`);
  out.push('');
  const v = verdict(r);
  out.push(`- 文件：${md(r.source)}${r.pages ? `（${r.pages} 页）` : ''}`);
  if (r.organizations?.length) out.push(`- 部门：${r.organizations.map(md).join('、')}`);
  out.push(`- 结论：${md(v.zh)}`);
  if (r.unit) out.push(`- 金额单位：${md(r.unit)}`);
  out.push(`- 结果：错误 ${r.counts.error} 处，警告 ${r.counts.warning} 处，提示 ${r.counts.info} 处；核对一致 ${r.counts.passed} 处`);
  out.push(`- 工具：${md(r.tool)}${opts.generated ? `，${md(opts.generated)}` : ''}`);
  for (const w of r.warnings) out.push(`- 注意：${md(w.message)}`);
  out.push('');

  if (r.keyFigures.length) {
    out.push('## 主要数字', '', '| 项目 | 金额 | 出处 |', '|---|---:|---|');
    for (const k of r.keyFigures) out.push(`| ${md(k.name)} | ${md(k.value)} ${md(k.unit)} | ${md(k.source)}${k.page ? ` 第 ${k.page} 页` : ''} |`);
    out.push('');
  }
  if (r.byFunction.length) {
    out.push('### 按功能分类', '', '| 类 | 金额 |', '|---|---:|');
    for (const k of r.byFunction) out.push(`| ${md(k.name)} | ${md(k.value)} |`);
    out.push('');
  }
  if (r.threePublic.length) {
    out.push('### “三公”经费', '', '| 项目 | 金额 |', '|---|---:|');
    for (const k of r.threePublic) out.push(`| ${md(k.name)} | ${md(k.value)} |`);
    out.push('');
  }

  out.push('## 发现的问题', '');
  if (!r.findings.length) out.push(v.complete ? '未发现问题。' : `没有发现不一致，但核对不完整：${md(v.gaps.map((g) => g.zh).join('；') || v.zh)}。`, '');
  let n = 0;
  for (const sev of ['error', 'warning', 'info'] as const) {
    const list = r.findings.filter((f) => f.severity === sev);
    if (!list.length) continue;
    out.push(`### ${SEV[sev]}（${list.length}）`, '');
    for (const f of list) {
      n++;
      out.push(`${n}. **${md(f.rule)} ${md(f.ruleTitle.zh)}**${f.page ? `（第 ${f.page} 页）` : ''}：${md(f.message)}`);
      if (f.expected !== undefined || f.printed !== undefined) {
        out.push(`   - 应为 ${md(f.expected ?? '—')}，印刷为 ${md(f.printed ?? '—')}${f.difference ? `，差 ${md(f.difference)}` : ''}`);
      }
      for (const c of f.cells.slice(0, 8)) {
        const where = [c.table, c.row, c.column].filter(Boolean).map(md).join(' · ');
        out.push(`   - ${c.role === 'printed' ? '印刷值' : c.role === 'part' ? '组成项' : '对照'}：${md(c.text)}（${where}${c.page ? `，第 ${c.page} 页` : ''}）`);
      }
      if (f.cells.length > 8) out.push(`   - ……另有 ${f.cells.length - 8} 个单元格`);
      for (const s of f.sentences) out.push(`   - 原文：「${md(s.quote)}」${s.page ? `（第 ${s.page} 页）` : ''}`);
    }
    out.push('');
  }

  if (r.inventory.length) {
    out.push('## 表格清单', '', '| | 表 | 页 |', '|---|---|---|');
    for (const e of r.inventory) out.push(`| ${e.present ? '✓' : '✗ 缺'} | ${e.number ? `${e.number}. ` : ''}${md(e.title)} | ${e.page ?? ''} |`);
    out.push('');
  }
  return out.join('\n');
}
