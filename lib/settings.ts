import { z } from 'zod';
import type { Rule } from './rules/types';

/**
 * The reader's options (options page, stored with the browser's storage API). Parsed at every read, so a
 * missing, old or hand-edited value falls back to the defaults field by field.
 */
export const RULE_GROUPS = ['arithmetic', 'cross-table', 'narrative', 'plausibility', 'completeness', 'performance'] as const;

export const Settings = z.object({
  version: z.literal(1).catch(1),
  language: z.enum(['zh', 'en', 'auto']).catch('auto'),
  tolerance: z.enum(['rounding-aware', 'strict']).catch('rounding-aware'),
  interceptPdf: z.boolean().catch(true),
  /** Small ticks beside numbers whose relations held (off: only problems are marked). */
  ticks: z.boolean().catch(true),
  /** Read the scanned pages of a PDF by OCR as soon as it opens (off: the viewer offers it, one click). */
  ocrAuto: z.boolean().catch(false),
  groups: z
    .object(Object.fromEntries(RULE_GROUPS.map((g) => [g, z.boolean().catch(true)])) as Record<(typeof RULE_GROUPS)[number], z.ZodCatch<z.ZodBoolean>>)
    .catch(Object.fromEntries(RULE_GROUPS.map((g) => [g, true])) as Record<(typeof RULE_GROUPS)[number], boolean>),
});

export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});

export function parseSettings(raw: unknown): Settings {
  return Settings.parse(raw && typeof raw === 'object' ? raw : {});
}

/** The rule filter the engine takes, from the reader's groups. */
export function ruleFilter(s: Settings): (rule: Rule) => boolean {
  return (rule) => rule.always === true || s.groups[rule.group] !== false;
}
