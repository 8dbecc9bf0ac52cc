import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
const { document } = parseHTML(readFileSync('/tmp/ph/putuo.html', 'utf8'));
const el = document.querySelector('p.ft217');
console.log(el?.className, [...(el?.classList ?? [])], el?.getAttribute('class'));
const sts = [...document.querySelectorAll('style')].map((s) => (s.textContent ?? '').slice(0, 80));
console.log(sts.length, sts[21]);
