/**
 * A PDF's compressed streams measured before pdf.js reads it. pdf.js inflates a content stream whole, so
 * a 2 MB file whose one stream inflates to 1 GB (a "zip bomb") takes gigabytes and minutes before the
 * first page is laid out; pdf.js has no limit of its own for that. Counting what each Flate stream
 * inflates to, stopping at a cap, costs a few milliseconds on ordinary files and bounds the rest.
 */

/** Inflate `data` (zlib/deflate), counting output bytes; stop past `cap`. The count, or 'over'. */
export type InflateCounter = (data: Uint8Array, cap: number) => Promise<number | 'over'>;

interface StreamLimits {
  /** Largest one image or font stream may inflate to. */
  perStream?: number;
  /**
   * Largest any other stream (page content, forms) may inflate to: pdf.js turns every operator into
   * objects, ~10× the stream in memory, and real pages hold kilobytes to a few megabytes.
   */
  perContent?: number;
  /** Largest all streams together may inflate to. */
  total?: number;
  signal?: AbortSignal;
}

const DEFAULT_LIMITS = { perStream: 256 * 1024 * 1024, perContent: 32 * 1024 * 1024, total: 768 * 1024 * 1024 } as const;

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Byte ranges of the Flate-compressed streams in a PDF file (a scan of the raw bytes, no parsing). */
function flateStreams(bytes: Uint8Array): { start: number; end: number; data: boolean }[] {
  const out: { start: number; end: number; data: boolean }[] = [];
  const n = bytes.length;
  const isKw = (i: number, kw: string) => {
    for (let k = 0; k < kw.length; k++) if (bytes[i + k] !== kw.charCodeAt(k)) return false;
    return true;
  };
  for (let i = 0; i < n - 6; i++) {
    // "stream" followed by an end of line, not "endstream".
    if (bytes[i] !== 0x73 || !isKw(i, 'stream')) continue;
    if (i >= 3 && isKw(i - 3, 'end')) continue;
    let start = i + 6;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] !== 0x0a) {
      if (bytes[start - 1] !== 0x0d) continue;
    } else start++;
    // The stream's dictionary: the text since the previous "obj" (at most 4 kB back).
    let dict = '';
    for (let j = i - 1, m = 0; j >= 0 && m < 4096; j--, m++) {
      if (bytes[j] === 0x6a && j >= 2 && bytes[j - 1] === 0x62 && bytes[j - 2] === 0x6f) break;
      dict = String.fromCharCode(bytes[j]!) + dict;
    }
    const end = indexOf(bytes, 'endstream', start);
    const stop = end < 0 ? n : end;
    // Images, fonts, ICC profiles and embedded files are data; everything else is parsed as operators.
    const data = /\/Subtype\s*\/(Image|Type1C|CIDFontType0C|OpenType)\b|\/Length[123]\b|\/Type\s*\/(EmbeddedFile|ObjStm|XRef|Metadata)\b|\/N\s+[134]\b/.test(dict);
    // The end of line before "endstream" is not part of the data (an inflater would call it junk).
    let last = stop;
    if (bytes[last - 1] === 0x0a) last--;
    if (bytes[last - 1] === 0x0d) last--;
    if (/\/(FlateDecode|Fl)\b/.test(dict)) out.push({ start, end: Math.max(start, last), data });
    i = stop;
  }
  return out;
}

function indexOf(bytes: Uint8Array, kw: string, from: number): number {
  const c0 = kw.charCodeAt(0);
  outer: for (let i = bytes.indexOf(c0, from); i >= 0; i = bytes.indexOf(c0, i + 1)) {
    for (let k = 1; k < kw.length; k++) if (bytes[i + k] !== kw.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** Undefined when every stream stays within the limits; else one line saying which limit was passed. */
export async function checkPdfStreams(bytes: Uint8Array, inflate: InflateCounter, limits: StreamLimits = {}): Promise<string | undefined> {
  const total = limits.total ?? DEFAULT_LIMITS.total;
  let sum = 0;
  for (const s of flateStreams(bytes)) {
    if (limits.signal?.aborted) return undefined;
    const per = s.data ? (limits.perStream ?? DEFAULT_LIMITS.perStream) : (limits.perContent ?? DEFAULT_LIMITS.perContent);
    const left = Math.min(per, total - sum);
    const got = await inflate(bytes.subarray(s.start, s.end), left);
    if (got === 'over') {
      if (left < per) return `its compressed streams inflate to more than ${MB(total)}`;
      return s.data ? `one compressed image or font inflates to more than ${MB(per)}` : `one page's compressed content inflates to more than ${MB(per)}`;
    }
    sum += got;
  }
  return undefined;
}
