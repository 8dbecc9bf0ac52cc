import { z } from 'zod';

/** The exported report: the CLI's --json output and the panel's download. Versioned; validated at the boundary. */
export const REPORT_SCHEMA_VERSION = 1;

const CitedCell = z.object({
  table: z.string(),
  tableKind: z.string(),
  row: z.string().optional(),
  column: z.string().optional(),
  text: z.string(),
  page: z.number().int().positive().optional(),
  role: z.enum(['printed', 'part', 'compare']),
});

const CitedSentence = z.object({
  quote: z.string(),
  page: z.number().int().positive().optional(),
});

export const ExportFinding = z.object({
  rule: z.string(),
  ruleTitle: z.object({ zh: z.string(), en: z.string() }),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  messageEn: z.string(),
  values: z.array(z.string()),
  expected: z.string().optional(),
  printed: z.string().optional(),
  difference: z.string().optional(),
  page: z.number().int().positive().optional(),
  table: z.string().optional(),
  row: z.string().optional(),
  column: z.string().optional(),
  cells: z.array(CitedCell),
  sentences: z.array(CitedSentence),
});

const ExportTable = z.object({
  kind: z.string(),
  title: z.string(),
  page: z.number().int().positive().optional(),
  pageEnd: z.number().int().positive().optional(),
  rows: z.number().int().nonnegative(),
  columns: z.number().int().nonnegative(),
  unit: z.string(),
  parts: z.number().int().positive(),
  /** A standard table was found but none of its rows could be read: its checks did not run. */
  unread: z.boolean().optional(),
});

const KeyFigureSchema = z.object({
  name: z.string(),
  en: z.string(),
  /** The amount, normalised (`883.50`); the document's own string is `printed` when it differs (`883. 50`). */
  value: z.string(),
  printed: z.string().optional(),
  unit: z.string(),
  source: z.string(),
  page: z.number().int().positive().optional(),
});

export const Report = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.string(),
  source: z.string(),
  isBudget: z.boolean(),
  kind: z.enum(['budget', 'final-accounts', 'performance-targets', 'other']),
  year: z.number().int().nullable(),
  organization: z.string().nullable(),
  /** Every department named over the tables, when there are several (a booklet): `organization` then says so. */
  organizations: z.array(z.string()).optional(),
  /** A blank template (no amounts): nothing was checked. */
  isTemplate: z.boolean().optional(),
  unit: z.string().nullable(),
  pages: z.number().int().positive().optional(),
  tables: z.array(ExportTable),
  totals: z.record(z.string(), z.string()),
  keyFigures: z.array(KeyFigureSchema),
  byFunction: z.array(KeyFigureSchema),
  threePublic: z.array(KeyFigureSchema),
  /** 决算 figures beside their budgets (for the bars); absent in reports written before it was added. */
  budgetVsFinal: z.array(z.object({ name: z.string(), budget: z.string(), final: z.string(), unit: z.string(), page: z.number().int().positive().optional() })).optional(),
  inventory: z.array(z.object({ number: z.number().int().optional(), title: z.string(), kind: z.string().optional(), present: z.boolean(), listed: z.boolean(), page: z.number().int().positive().optional() })),
  counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int(), passed: z.number().int() }),
  findings: z.array(ExportFinding),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), page: z.number().int().positive().optional() })),
  /** The one-line verdict (lib/report/verdict.ts), for scripts: `complete` is false when tables are missing or unread. */
  verdict: z.object({ mark: z.string(), complete: z.boolean(), zh: z.string(), en: z.string() }).optional(),
});

export type Report = z.infer<typeof Report>;
export type ExportFinding = z.infer<typeof ExportFinding>;
