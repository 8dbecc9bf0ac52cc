/**
 * Evidence an auditor can quote: every value a finding calls printed, and every sentence it quotes, occurs in
 * the document's own text (whitespace aside). Used over the fixtures and the whole corpus.
 */
import type { Analysis } from '../../lib/analyze';
import type { ExtractedDoc } from '../../lib/extract/types';

const squash = (s: string) => s.replace(/\s+/g, '');

export function documentText(x: ExtractedDoc): string {
  const parts: string[] = [];
  for (const b of x.blocks) {
    if (b.type === 'text') parts.push(b.text);
    else for (const c of b.grid.cells) parts.push(c.text);
  }
  return squash(parts.join('\n'));
}

export function evidenceProblems(x: ExtractedDoc, a: Analysis): string[] {
  const text = documentText(x);
  const out: string[] = [];
  for (const f of a.findings) {
    const where = `${f.rule} p${f.page ?? '-'} ${f.message.zh.slice(0, 60)}`;
    if (f.printed && /\d/.test(f.printed) && !text.includes(squash(f.printed))) out.push(`${where}: printed “${f.printed}” is not in the document`);
    for (const e of f.evidence) {
      if (e.kind !== 'claim') continue;
      const q = squash(e.claim.source.quote.replace(/^…|…$/g, ''));
      if (q && !text.includes(q)) out.push(`${where}: quote “${e.claim.source.quote.slice(0, 40)}” is not in the document`);
    }
  }
  return out;
}
