/**
 * The corpus answer key (test/corpus/answer-key.json): for every document, the standard tables it holds and
 * every real inconsistency in it, each checked by hand on the rendered page with exact decimal arithmetic.
 * An error the analysis reports must be one of these; each of these must be reported.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusFinding, CorpusResult } from './corpus';

export interface KeyError {
  rule: string;
  page?: number;
  /** A string the finding's message contains (a value as printed, a name). */
  match: string;
  /** What was checked by hand, with the arithmetic. */
  verified: string;
}

export interface KeyDocument {
  /** Standard tables the document holds, by kind (seen on the rendered pages). */
  tables: string[];
  /** Is it a budget disclosure at all (narrative-only and tables-only files are). */
  disclosure: boolean;
  errors: KeyError[];
  notes?: string;
}

export interface AnswerKey {
  /** Disclosures published in several files, read together: name → files. */
  pairs: Record<string, string[]>;
  documents: Record<string, KeyDocument>;
}

export function loadAnswerKey(): AnswerKey {
  const p = join(dirname(fileURLToPath(import.meta.url)), '..', 'corpus', 'answer-key.json');
  return JSON.parse(readFileSync(p, 'utf8')) as AnswerKey;
}

function matches(f: CorpusFinding, e: KeyError): boolean {
  return f.rule === e.rule && (e.page === undefined || f.page === e.page) && f.message.includes(e.match);
}

export function compareWithKey(r: CorpusResult, k: KeyDocument | undefined): { verified: CorpusFinding[]; unverified: CorpusFinding[]; missed: KeyError[] } {
  const errors = r.findings.filter((f) => f.severity === 'error');
  const keyErrors = k?.errors ?? [];
  const verified = errors.filter((f) => keyErrors.some((e) => matches(f, e)));
  const unverified = errors.filter((f) => !verified.includes(f));
  const missed = keyErrors.filter((e) => !errors.some((f) => matches(f, e)));
  return { verified, unverified, missed };
}
