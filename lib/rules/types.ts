import type { TolerancePolicy } from '../money/reconcile';
import type { BudgetDoc, Cell, Claim, DocumentKind, Table } from '../recognize/model';

export type Severity = 'error' | 'warning' | 'info';

type RuleGroup = 'arithmetic' | 'cross-table' | 'narrative' | 'plausibility' | 'completeness' | 'performance';

/** What a finding points at: a table cell, a narrative claim (its sentence), or a whole table. */
export type Evidence =
  | { kind: 'cell'; cell: Cell; role: 'printed' | 'part' | 'compare'; label: string; table: Table }
  | { kind: 'claim'; claim: Claim; role: 'printed' | 'part' | 'compare'; label: string }
  | { kind: 'table'; table: Table; label: string };

export interface Finding {
  rule: string;
  severity: Severity;
  message: { zh: string; en: string };
  /** The value the relation requires, at the printed precision. */
  expected?: string;
  /** The value as printed where the relation fails. */
  printed?: string;
  /** printed − expected. */
  difference?: string;
  /** Amounts as printed in the document, in the order the message cites them. */
  values: string[];
  evidence: Evidence[];
  page?: number;
  /** Other relations the same printed value breaks (one finding per slip). */
  also?: { rule: string; message: { zh: string; en: string } }[];
  /** The one printed value that explains every relation this finding lists. */
  slip?: { label: string; printed: string };
  /**
   * The finding says something is not in the document (a table the 目录 lists): on a scan that holds only
   * when every table title was read with confidence (lib/rules/ocr-uncertain.ts).
   */
  absence?: true;
}

/** A relation that held exactly: its cells get a quiet tick in the overlay. */
export interface Pass {
  rule: string;
  cells: Cell[];
}

export interface RuleContext {
  policy: TolerancePolicy;
  doc: BudgetDoc;
  /** Record that a relation held exactly. */
  pass(rule: string, cells: Cell[]): void;
}

export interface Rule {
  id: string;
  /** The relations of the reference catalogue this rule checks (R1 … R32, F1 …). */
  relation: string;
  title: { zh: string; en: string };
  /** The heading above a finding: what is wrong, not the relation that should hold. */
  problem: { zh: string; en: string };
  /** A plain explanation for a reader learning budgets. */
  explain: { zh: string; en: string };
  /** A worked example with numbers. */
  example: { zh: string; en: string };
  severity: Severity;
  group: RuleGroup;
  appliesTo: readonly DocumentKind[];
  /** Runs even on a document not recognised as a disclosure (problems with the file itself). */
  always?: boolean;
  /**
   * The rule judges the document as a whole: what it lacks, or what differs anywhere in it (a table the
   * contents list, one organisation name throughout). Its findings on part of a document may not hold for
   * the whole, so while a PDF is read page by page they wait for the last page (lib/rules/settled.ts).
   */
  scope?: 'document';
  check(doc: BudgetDoc, ctx: RuleContext): Finding[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
