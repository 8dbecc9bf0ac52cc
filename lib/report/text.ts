import { cleanText } from './clean-text';
import type { Report } from './schema';
import { verdict } from './verdict';

const SEV_ZH = { error: '错误', warning: '警告', info: '提示' } as const;
const KIND_ZH = { budget: '部门预算', 'final-accounts': '部门决算', 'performance-targets': '绩效目标', other: '不是预算公开文件' } as const;

/** The readable zh report the CLI prints. */
export function textReport(r: Report): string {
  const out: string[] = [];
  out.push(`BudgetLens 预算透镜 · ${r.source}`);
  const v = verdict(r);
  if (!r.isBudget) {
    out.push(`结论：${v.zh}。`);
    findingLines(r, out);
    return cleanText(out.join('\n')) + '\n';
  }
  out.push(`文件：${KIND_ZH[r.kind]}${r.year ? `（${r.year} 年）` : ''}${r.organization ? ` · ${r.organization}` : ''}${r.unit ? ` · 单位：${r.unit}` : ''}${r.pages ? ` · ${r.pages} 页` : ''}`);
  if (r.organizations?.length) out.push(`部门：${r.organizations.join('、')}`);
  out.push(`结论：${v.mark} ${v.zh}。`);
  for (const w of r.warnings) out.push(`注意：${w.message}${w.page ? `（第 ${w.page} 页）` : ''}`);
  const present = r.inventory.filter((e) => e.present).length;
  const missing = r.inventory.filter((e) => !e.present);
  out.push(`表格：识别 ${r.tables.length} 张${r.inventory.length ? `；${r.inventory.some((e) => e.listed) ? '目录' : '标准'}列 ${r.inventory.length} 张，在 ${present} 张` : ''}${missing.length ? `，缺：${missing.map((e) => e.title).join('、')}` : ''}`);
  for (const t of r.tables) out.push(`  · ${t.title || '未识别的表格'}${t.page ? `（第 ${t.page}${t.pageEnd ? `–${t.pageEnd}` : ''} 页）` : ''} ${t.rows} 行 × ${t.columns} 列${t.parts > 1 ? `，由 ${t.parts} 段拼接` : ''}`);
  if (r.keyFigures.length) {
    out.push('主要数字：');
    for (const k of r.keyFigures) out.push(`  ${k.name} ${k.value} ${k.unit}（${k.source}）`);
  }
  if (r.byFunction.length) out.push(`按功能分类：${r.byFunction.map((k) => `${k.name.replace(/^\d+\s*/, '')} ${k.value}`).join('；')}`);
  if (r.threePublic.length) out.push(`“三公”经费：${r.threePublic.map((k) => `${k.name} ${k.value}`).join('；')}`);
  out.push(`检查结果：错误 ${r.counts.error} · 警告 ${r.counts.warning} · 提示 ${r.counts.info} · 核对一致 ${r.counts.passed} 处`);
  findingLines(r, out);
  return cleanText(out.join('\n')) + '\n';
}

function findingLines(r: Report, out: string[]): void {
  let i = 0;
  for (const f of r.findings) {
    i++;
    out.push(`${i}. [${SEV_ZH[f.severity]}] ${f.rule} ${f.ruleTitle.zh}${f.page ? `（第 ${f.page} 页）` : ''}`);
    out.push(`   ${f.message}`);
    if (f.expected !== undefined && f.printed !== undefined) out.push(`   应为 ${f.expected}，印刷为 ${f.printed}${f.difference ? `，差 ${f.difference}` : ''}`);
  }
}
