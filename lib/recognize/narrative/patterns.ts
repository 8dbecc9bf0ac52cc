import type { MoneyUnit } from '../../money/units';

/**
 * Regex building blocks for the 说明 sentences (reference §4). All patterns run on the same-length
 * normalised paragraph (ASCII punctuation, `"` for curly quotes).
 */
export const S = '\\s*';
/** An amount: `1070`, `1,990.50`, `883. 50`. */
export const N = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\s?\\d+)?|\\d+(?:\\.\\s?\\d+)?)';
/** 万元 / 元 / 亿元, tolerating the doubled `万元万元`. */
export const U = '(亿元|万元|千元|元)(?:万元)?';
export const PCT = '(-?\\d+(?:\\.\\d+)?)\\s*%';
export const DIR = '(增加|减少|增长|下降|上升|降低)';
export const RATE_DIR = '(增长|下降|上升|降低|减少|增加)';
export const YEAR = '(20\\d{2})\\s*年度?';
export const FLAT = '(持平|无变化|保持一致|一致|不变|相同|没有变化|未发生变化)';

export function unitOf(s: string | undefined): MoneyUnit {
  return (s === '元' || s === '亿元' || s === '千元' ? s : '万元') as MoneyUnit;
}

export function directionOf(word: string | undefined): 'increase' | 'decrease' | undefined {
  if (!word) return undefined;
  return /增|上升/.test(word) ? 'increase' : 'decrease';
}

/** A YoY change phrase: "增加 20.30 万元，增长 1.93%", "减少1.00万元", "与2022年持平". */
export const CHANGE_RE = new RegExp(
  `(?:(?:比|较|与|同)${S}(上年|上年度|去年|${YEAR})(?:预算数?|决算数?|年初预算)?${S}(?:相比)?[,，]?${S})?` +
    `(?:${DIR}${S}${N}${S}${U}(?:[,，]?${S}${RATE_DIR}${S}${PCT})?|${FLAT})`,
);
