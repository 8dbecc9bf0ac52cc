/**
 * Evidence exactly as printed, over every fixture page and fixture PDF (the corpus is held to the same in
 * test/corpus/answer-key.test.ts): a finding's printed value and each sentence it quotes are the document's
 * own strings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze';
import { extractHtmlBytes } from '../../lib/cli/load-html';
import { extractPdfBytes } from '../../lib/cli/load-pdf';
import { FIXTURES } from '../helpers';
import { evidenceProblems } from '../support/evidence';

const PDFS = join(FIXTURES, '..', 'pdf');

describe('evidence exactly as printed', () => {
  for (const f of readdirSync(FIXTURES).filter((x) => x.endsWith('.html'))) {
    it(`${f}: printed values and quotes occur in the page`, () => {
      const x = extractHtmlBytes(new Uint8Array(readFileSync(join(FIXTURES, f))), f);
      expect(evidenceProblems(x, analyze(x))).toEqual([]);
    });
  }
  for (const f of readdirSync(PDFS).filter((x) => /^\d{3}-.*\.pdf$/.test(x))) {
    it(`${f}: printed values and quotes occur in the PDF`, async () => {
      const x = await extractPdfBytes(new Uint8Array(readFileSync(join(PDFS, f))), f);
      expect(evidenceProblems(x, analyze(x))).toEqual([]);
    });
  }
});
