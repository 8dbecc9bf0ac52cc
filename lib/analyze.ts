import type { ExtractedDoc } from './extract/types';
import { recognize } from './recognize/document';
import type { BudgetDoc } from './recognize/model';
import { runRules, type RuleOptions, type RuleRun } from './rules/engine';

export interface Analysis extends RuleRun {
  doc: BudgetDoc;
}

/** Recognise an extracted document and run the rules: the whole analysis, independent of where it came from. */
export function analyze(x: ExtractedDoc, opts: RuleOptions = {}): Analysis {
  const doc = recognize(x);
  return { doc, ...runRules(doc, opts) };
}
