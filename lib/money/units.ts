/** Money units printed in Chinese disclosures, as powers of ten of one 元. */
export type MoneyUnit = '元' | '千元' | '万元' | '百万元' | '亿元';

export const UNIT_EXPONENT: Record<MoneyUnit, number> = {
  元: 0,
  千元: 3,
  万元: 4,
  百万元: 6,
  亿元: 8,
};

/** `单位：万元`, `单位: 元`, `（单位：万元）`, `金额单位：万元` → the unit. */
export function unitFromLine(line: string): MoneyUnit | undefined {
  const m = /单\s*位\s*[:：]?\s*(亿元|百万元|万元|千元|元)/.exec(line);
  return m ? (m[1] as MoneyUnit) : undefined;
}

/** A unit named in a column header: `项目金额（万元）`, `部门预算总额(元)`. */
export function unitFromHeader(header: string): MoneyUnit | undefined {
  const m = /[（(]\s*(亿元|百万元|万元|千元|元)\s*[）)]/.exec(header);
  return m ? (m[1] as MoneyUnit) : undefined;
}

