/**
 * `npm run corpus`: the analysis over every document in ../shared/corpus (and its real/ folder), one line
 * per document — kind, unit(s), standard tables present (from the answer key) against recognised, findings
 * by severity — and, against the committed answer key, which errors are verified, unverified or missed.
 *
 *   npm run corpus                 # the table
 *   npm run corpus -- --errors     # also every error finding, as the key would hold it
 *   npm run corpus -- --only=beijing   # documents whose name contains this
 *   npm run corpus -- --json=out/corpus.json
 */
import { writeFileSync } from 'node:fs';
import { corpusDocuments, corpusRoot, runCorpusDocument, type CorpusResult } from '../test/support/corpus';
import { loadAnswerKey, compareWithKey } from '../test/support/answer-key';

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const jsonOut = args.find((a) => a.startsWith('--json='))?.slice(7);
const showErrors = args.includes('--errors');
const showAll = args.includes('--all');

const root = corpusRoot();
if (!root) {
  console.error('../shared/corpus not found beside the checkout');
  process.exit(2);
}
const key = loadAnswerKey();
const docs = corpusDocuments(root, key.pairs).filter((d) => !only || d.name.includes(only));
const results: CorpusResult[] = [];
let unverified = 0;
let missed = 0;
let verified = 0;
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
console.log(pad('document', 48), pad('kind', 20), pad('units', 10), 'tables present/recognised', ' errors(verified/unverified/missed) warnings notes');
for (const d of docs) {
  const r = await runCorpusDocument(d);
  results.push(r);
  const k = key.documents[d.name];
  const cmp = compareWithKey(r, k);
  unverified += cmp.unverified.length;
  missed += cmp.missed.length;
  verified += cmp.verified.length;
  const present = k?.tables ?? [];
  const recognisedKinds = new Set(r.tables.filter((t) => t.kind !== 'unknown').map((t) => t.kind));
  const found = present.filter((t) => recognisedKinds.has(t)).length;
  const tables = k ? `${present.length}/${found}` : `?/${recognisedKinds.size}`;
  const sev = r.counts;
  console.log(
    pad(d.name.replace(/\.(pdf|html)$/, ''), 48),
    pad(r.kind + (r.isBudget ? '' : '(no)'), 20),
    pad(r.units.join('+') || '-', 10),
    pad(tables, 26),
    `${sev.error} (${cmp.verified.length}/${cmp.unverified.length}/${cmp.missed.length})`.padEnd(18),
    String(sev.warning).padEnd(8),
    sev.info,
    k ? '' : '  [not in key]',
  );
  if (showErrors || showAll) {
    for (const f of r.findings) {
      if (f.severity !== 'error' && !showAll) continue;
      const mark = cmp.unverified.includes(f) ? '✗' : '✓';
      console.log(`    ${mark} ${f.rule} ${f.severity} p${f.page ?? '-'} ${f.message.slice(0, 220)}`);
    }
    for (const m of cmp.missed) console.log(`    MISSED ${m.rule} p${m.page ?? '-'} ${m.match}`);
  }
}
console.log(`\n${docs.length} documents · errors verified ${verified} · unverified ${unverified} · missed ${missed}`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 1));
