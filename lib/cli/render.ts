import { basename } from 'node:path';
import { csvField, toCombinedCsv, toCsv } from '../report/csv';
import { md, toMarkdown } from '../report/markdown';
import type { Report } from '../report/schema';
import { textReport } from '../report/text';
import { verdict } from '../report/verdict';
import type { Format } from './args';
import { displayName, type BatchResult } from './batch';
import { msg, type Lang } from './i18n';

export function renderReport(r: Report, format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(r, null, 2) + '\n';
    case 'csv':
      return toCsv(r);
    case 'md':
      return toMarkdown(r) + '\n';
    default:
      return textReport(r);
  }
}

/**
 * The exit status scripts test: 2 when some input could not be read, else 1 when errors were found, else 0.
 * (A scan without text gets the error finding X01, so it counts as errors found.)
 */
export function exitStatus(results: BatchResult[]): 0 | 1 | 2 {
  if (results.some((r) => 'error' in r)) return 2;
  return results.some((r) => 'report' in r && r.report.counts.error > 0) ? 1 : 0;
}

const KIND = {
  zh: { budget: '预算', 'final-accounts': '决算', 'performance-targets': '绩效目标', other: '' },
  en: { budget: 'budget', 'final-accounts': 'final accounts', 'performance-targets': 'performance targets', other: '' },
} as const;

function nameOf(r: BatchResult, base: string | undefined): string {
  return base !== undefined ? displayName(base, r.path) : r.path;
}

/** One document's line in a batch: its mark, what it is, the counts and what the check could not cover. */
export function batchLine(r: BatchResult, base: string | undefined, lang: Lang): string {
  const name = nameOf(r, base);
  if ('error' in r) {
    // The reason often starts with the file's name, which the line already shows.
    const why = r.error.replace(new RegExp(`^${basename(r.path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[：:]\\s*`), '');
    return `!  ${name} — ${msg(lang, 'unreadableMark')}${lang === 'zh' ? '：' : ': '}${why}`;
  }
  const rep = r.report;
  const v = verdict(rep);
  if (!rep.isBudget) return `${v.mark}  ${name} — ${lang === 'zh' ? v.zh : v.en}`;
  const what = [rep.organization, rep.year, KIND[lang][rep.kind]].filter(Boolean).join(' ');
  if (rep.isTemplate) return `${v.mark}  ${name} — ${what}: ${lang === 'zh' ? v.zh : v.en}`;
  const { error, warning, info } = rep.counts;
  const counts =
    lang === 'zh'
      ? `错误 ${error} · 警告 ${warning} · 提示 ${info}${rep.pages ? ` (${rep.pages} 页)` : ''}`
      : `${error} errors · ${warning} warnings · ${info} notes${rep.pages ? ` (${rep.pages} pages)` : ''}`;
  // What is missing, without the list of titles (the document's own report has them).
  const gaps = v.gaps.map((g) => (lang === 'zh' ? g.zh.replace(/：.*$/, '') : g.en.replace(/: .*$/, ''))).join(lang === 'zh' ? '；' : '; ');
  return `${v.mark}  ${name} — ${what}: ${counts}${gaps ? (lang === 'zh' ? `；${gaps}` : `; ${gaps}`) : ''}`;
}

export function batchTotals(results: BatchResult[], lang: Lang): string {
  const reports = results.flatMap((r) => ('report' in r ? [r.report] : []));
  const errors = reports.reduce((n, r) => n + r.counts.error, 0);
  const warnings = reports.reduce((n, r) => n + r.counts.warning, 0);
  return msg(lang, 'batchTotal', String(results.length), String(reports.length), String(results.length - reports.length), String(errors), String(warnings));
}

/** Several documents in one report of the asked format; documents that could not be read are listed too. */
export function renderBatch(results: BatchResult[], format: Format, base: string | undefined, lang: Lang): string {
  const reports = results.flatMap((r) => ('report' in r ? [r.report] : []));
  switch (format) {
    case 'json':
      return JSON.stringify(results.map((r) => ('report' in r ? r.report : { source: r.path, error: r.error })), null, 2) + '\n';
    case 'csv': {
      const unreadable = results.flatMap((r) => ('error' in r ? [[csvField(r.path), '', 'unreadable', '', '', '', '', '', '', '', csvField(r.error)].join(',')] : []));
      return toCombinedCsv(reports) + unreadable.map((l) => l + '\r\n').join('');
    }
    case 'md': {
      const out = ['# 预算透镜批量核对', '', '| 文件 | 结论 |', '|---|---|'];
      for (const r of results) {
        const v = 'report' in r ? verdict(r.report) : undefined;
        out.push(`| ${md(nameOf(r, base))} | ${v ? `${v.mark} ${md(v.zh)}` : `! 无法读取：${md((r as { error: string }).error)}`} |`);
      }
      out.push('', md(batchTotals(results, 'zh')), '');
      for (const r of reports) out.push('---', '', toMarkdown(r), '');
      return out.join('\n');
    }
    default:
      return results.map((r) => batchLine(r, base, lang)).join('\n') + `\n\n${batchTotals(results, lang)}\n`;
  }
}
