/**
 * Text normalisation shared by every extractor and recogniser.
 *
 * PDFs printed from office suites map some CJK glyphs to Kangxi radicals (U+2F00 block, fixed by NFKC)
 * or to CJK radical-supplement code points (U+2E80 block, which NFKC leaves alone), so "部门" can arrive
 * as "部⻔". Web pages bring full-width digits, NBSP and ideographic spaces. Matching is done on the
 * normalised form; the printed text is kept for display.
 */

/** CJK Radicals Supplement → the unified ideograph a reader sees. Only entries with a clear reading. */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '\u2E84': '乙', '\u2E85': '亻', '\u2E86': '冂', '\u2E87': '几', '\u2E88': '刀', '\u2E89': '刂',
  '\u2E8A': '卜', '\u2E8B': '卩', '\u2E8C': '小', '\u2E8D': '小', '\u2E8E': '兀', '\u2E8F': '尢',
  '\u2E90': '尢', '\u2E91': '尢', '\u2E92': '巳', '\u2E93': '幺', '\u2E94': '彐', '\u2E95': '彐',
  '\u2E96': '忄', '\u2E97': '心', '\u2E98': '扌', '\u2E99': '攵', '\u2E9B': '旡', '\u2E9C': '日',
  '\u2E9D': '月', '\u2E9E': '歹', '\u2E9F': '母', '\u2EA0': '民', '\u2EA1': '氵', '\u2EA2': '水',
  '\u2EA3': '灬', '\u2EA4': '爫', '\u2EA5': '爫', '\u2EA6': '丬', '\u2EA7': '牛', '\u2EA8': '犭',
  '\u2EA9': '王', '\u2EAA': '疋', '\u2EAB': '目', '\u2EAC': '示', '\u2EAD': '礻', '\u2EAE': '竹',
  '\u2EAF': '纟', '\u2EB0': '纟', '\u2EB1': '罒', '\u2EB2': '罒', '\u2EB3': '罒', '\u2EB4': '罒',
  '\u2EB5': '罒', '\u2EB6': '羊', '\u2EB7': '羊', '\u2EB8': '羊', '\u2EB9': '老', '\u2EBA': '肀',
  '\u2EBB': '肀', '\u2EBC': '月', '\u2EBD': '臼', '\u2EBE': '艹', '\u2EBF': '艹', '\u2EC0': '艹',
  '\u2EC1': '虎', '\u2EC2': '衤', '\u2EC3': '覀', '\u2EC4': '西', '\u2EC5': '见', '\u2EC6': '角',
  '\u2EC7': '角', '\u2EC8': '讠', '\u2EC9': '贝', '\u2ECA': '足', '\u2ECB': '车', '\u2ECC': '辶',
  '\u2ECD': '辶', '\u2ECE': '辶', '\u2ECF': '阝', '\u2ED0': '钅', '\u2ED1': '长', '\u2ED2': '长',
  '\u2ED3': '长', '\u2ED4': '门', '\u2ED5': '阝', '\u2ED6': '阝', '\u2ED7': '雨', '\u2ED8': '青',
  '\u2ED9': '韦', '\u2EDA': '页', '\u2EDB': '风', '\u2EDC': '飞', '\u2EDD': '食', '\u2EDE': '食',
  '\u2EDF': '食', '\u2EE0': '饣', '\u2EE1': '首', '\u2EE2': '马', '\u2EE3': '骨', '\u2EE4': '鬼',
  '\u2EE5': '鱼', '\u2EE6': '鸟', '\u2EE7': '卤', '\u2EE8': '麦', '\u2EE9': '黄', '\u2EEA': '黾',
  '\u2EEB': '齐', '\u2EEC': '齐', '\u2EED': '齿', '\u2EEE': '齿', '\u2EEF': '龙', '\u2EF0': '龙',
  '\u2EF1': '龟', '\u2EF2': '龟', '\u2EF3': '龟',
};

const SUPPLEMENT_RE = /[\u2E80-\u2EFF]/g;
/**
 * Kangxi radicals whose NFKC form is traditional. A simplified-Chinese font draws the radical and the
 * simplified character with one glyph (so a PDF's ToUnicode may name the radical for 户 or 门), and a
 * 简体 disclosure never means the traditional character.
 */
const KANGXI_SIMPLIFIED: Record<string, string> = {
  '\u2F3E': '户', '\u2F92': '见', '\u2F99': '贝', '\u2F9E': '车', '\u2FA7': '长', '\u2FA8': '门', '\u2FB1': '韦',
  '\u2FB4': '页', '\u2FB5': '风', '\u2FB6': '飞', '\u2FBA': '马', '\u2FC2': '鱼', '\u2FC3': '鸟', '\u2FC4': '卤',
  '\u2FC6': '麦', '\u2FCC': '黾', '\u2FD1': '齐', '\u2FD2': '齿', '\u2FD3': '龙', '\u2FD4': '龟',
};
const KANGXI_RE = /[\u2F00-\u2FDF]/;
const FULLWIDTH_DIGIT_RE = /[\uFF10-\uFF19\uFF0C\uFF0E\uFF0D\uFF05]/g;
const SPACE_RE = /[\u00A0\u2002-\u200B\u3000\uFEFF]/g;

/** Glyph-level repair: radicals to ideographs, exotic spaces to ASCII space. Keeps Chinese punctuation. */
export function repairGlyphs(s: string): string {
  if (SUPPLEMENT_RE.test(s)) s = s.replace(SUPPLEMENT_RE, (ch) => RADICAL_SUPPLEMENT[ch] ?? ch);
  SUPPLEMENT_RE.lastIndex = 0;
  if (KANGXI_RE.test(s)) {
    // NFKC maps U+2Fxx Kangxi radicals to ideographs; apply it per character so that the
    // rest of the string (full-width punctuation shown to readers) is left as printed.
    s = s.replace(/[\u2F00-\u2FDF]/g, (ch) => KANGXI_SIMPLIFIED[ch] ?? ch.normalize('NFKC'));
  }
  return s.replace(SPACE_RE, ' ');
}

const FW_MAP: Record<string, string> = { '\uFF0C': ',', '\uFF0E': '.', '\uFF0D': '-', '\uFF05': '%' };

/** Full-width digits and numeric punctuation to ASCII (for number parsing only). */
export function asciiDigits(s: string): string {
  return s.replace(FULLWIDTH_DIGIT_RE, (ch) => {
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
    return FW_MAP[ch] ?? ch;
  });
}

/** Collapse all whitespace runs to one space and trim. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Key used to compare labels: glyphs repaired, NFKC (full-width → half-width), all whitespace and
 * quote marks removed. "一般公共预算“三公”经费预算表" and "一般公共预算"三公"经费预算表" give one key.
 */
export function labelKey(s: string): string {
  return repairGlyphs(s)
    .normalize('NFKC')
    .replace(/[\s"'“”‘’「」『』`]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')');
}

/** Remove everything between CJK characters that a hard line wrap leaves behind. */
export function joinWrappedLines(s: string): string {
  return s.replace(/([\u3000-\u9fff\uff00-\uffef])\s*\n+\s*(?=[\u3000-\u9fff\uff00-\uffef])/g, '$1');
}
