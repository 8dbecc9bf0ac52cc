/**
 * Findings as a PDF's pages arrive (issue 11): what the viewer shows from the pages read so far must be
 * final. On real documents, every finding settled at any point of the reading is among the findings of the
 * whole document, and findings do arrive before the last page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/analyze';
import { extractPdfBytes } from '../../lib/cli/load-pdf';
import type { PartialPdf } from '../../lib/extract/pdf/extract-pdf';
import { settledRun } from '../../lib/rules/settled';
import { ruleById } from '../../lib/rules/registry';
import type { Finding } from '../../lib/rules/types';

const SHARED = join(fileURLToPath(import.meta.url), '..', '..', '..', '..', 'shared', 'corpus');
const DOCS = [
  'putuo-finance-2024-final.pdf',
  'putuo-planning-2024-final.pdf',
  'real/huzhou-tyjrswj-2026-budget.pdf',
  'real/jiangsu-rdbgt-2018-budget.pdf',
  'real/beijing-jmrhb-2026-budget-tables.pdf',
  'real/shanghai-putuo-sfj-2026-unit-budget.pdf',
  'real/jiangsu-rdbgt-2019-budget-narrative.pdf',
].filter((d) => existsSync(join(SHARED, d)));

const key = (f: Finding) => `${f.rule}|${f.severity}|${f.message.zh}`;

describe.skipIf(!DOCS.length)('findings settled while pages are read are final', () => {
  for (const name of DOCS) {
    it(name, async () => {
      const partials: PartialPdf[] = [];
      const whole = analyze(await extractPdfBytes(new Uint8Array(readFileSync(join(SHARED, name))), name, { onPartial: (p) => partials.push(p) }));
      const final = new Set(whole.findings.map(key));
      expect(partials.length).toBeGreaterThan(0);
      let early = 0;
      for (const p of partials) {
        const { doc, settledBefore } = p.read();
        expect(settledBefore).toBeLessThanOrEqual(p.through + 1);
        const shown = settledRun(analyze(doc), settledBefore).findings;
        for (const f of shown) expect(final, `${key(f)} shown after page ${p.through}`).toContain(key(f));
        if (p.through < whole.doc.pageCount! && shown.length) early++;
      }
      // Only narrative-only or finding-free documents may have nothing to show early.
      if (whole.findings.some((f) => f.evidence.length && ruleById(f.rule)?.scope !== 'document')) expect(early).toBeGreaterThan(0);
    }, 120_000);
  }

  it('a rule that judges the whole document waits for the last page', async () => {
    const name = DOCS[0]!;
    const partials: PartialPdf[] = [];
    await extractPdfBytes(new Uint8Array(readFileSync(join(SHARED, name))), name, { onPartial: (p) => partials.push(p) });
    // Part of a nine-table document: its contents list tables not read yet (R30c would call them missing).
    const early = partials.map((p) => p.read()).map((r) => ({ ...r, a: analyze(r.doc) })).find((r) => r.a.findings.some((f) => ruleById(f.rule)?.scope === 'document'));
    expect(early).toBeDefined();
    expect(settledRun(early!.a, 999).findings.filter((f) => ruleById(f.rule)?.scope === 'document')).toEqual([]);
  }, 120_000);
});
