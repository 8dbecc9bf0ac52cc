const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Join two pieces of one visual flow: no space between Chinese characters or the halves of a number. */
export function joinPieces(a: string, b: string, gapEm: number): string {
  if (!a) return b;
  if (!b) return a;
  const l = a[a.length - 1]!;
  const r = b[0]!;
  if (CJK.test(l) && CJK.test(r)) return gapEm > 2.5 ? `${a} ${b}` : a + b;
  if (/[\d.,]/.test(l) && /[\d.,%]/.test(r) && gapEm < 0.6) return a + b;
  if (gapEm < 0.25) return a + b;
  if (CJK.test(l) || CJK.test(r)) return gapEm > 0.6 ? `${a} ${b}` : a + b;
  return `${a} ${b}`;
}

/** Join the lines of one cell or paragraph. */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    if (!out) {
      out = line;
      continue;
    }
    const l = out[out.length - 1]!;
    const r = line[0]!;
    if ((CJK.test(l) && CJK.test(r)) || (/[\d.,]/.test(l) && /^[\d.,]+%?$/.test(line.split(/\s/)[0]!)) || (/[\d,]$/.test(out) && /^\.\d/.test(line))) out += line;
    else if (CJK.test(l) || CJK.test(r)) out += line;
    else out += ' ' + line;
  }
  return out;
}
