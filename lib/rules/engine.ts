import type { TolerancePolicy } from '../money/reconcile';
import type { BudgetDoc, Cell } from '../recognize/model';
import { RULES } from './registry';
import { collapseMisreadTables } from './misread';
import { mergeSlips } from './slips';
import { markPossiblyMisread } from './ocr-uncertain';
import type { Finding, Pass, Rule, RuleContext, Severity } from './types';

export interface RuleOptions {
  policy?: TolerancePolicy;
  /** Rules to run (default: all that apply to the document's kind). */
  enabled?: (rule: Rule) => boolean;
}

export interface RuleRun {
  findings: Finding[];
  passes: Pass[];
  /** A rule that threw: reported, never allowed to stop the others. */
  failures: { rule: string; message: string }[];
  rulesRun: string[];
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function runRules(doc: BudgetDoc, opts: RuleOptions = {}): RuleRun {
  const findings: Finding[] = [];
  const passes: Pass[] = [];
  const failures: RuleRun['failures'] = [];
  const rulesRun: string[] = [];
  const ctx: RuleContext = {
    policy: opts.policy ?? 'rounding-aware',
    doc,
    pass(rule: string, cells: Cell[]) {
      passes.push({ rule, cells });
    },
  };
  for (const rule of RULES) {
    if (!rule.appliesTo.includes(doc.kind) || (!doc.isBudget && !rule.always)) continue;
    if (opts.enabled && !opts.enabled(rule)) continue;
    rulesRun.push(rule.id);
    try {
      findings.push(...rule.check(doc, ctx));
    } catch (e) {
      failures.push({ rule: rule.id, message: e instanceof Error ? e.message : String(e) });
    }
  }
  const seen = new Set<string>();
  const unique = mergeSlips(collapseMisreadTables(markPossiblyMisread(findings, doc), passes)).filter((f) => {
    const k = `${f.rule}|${f.message.zh}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  unique.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || a.rule.localeCompare(b.rule, 'en', { numeric: true }));
  return { findings: unique, passes, failures, rulesRun };
}
