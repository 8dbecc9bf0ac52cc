import type { Analysis } from '../analyze';
import type { Anchor } from '../extract/types';
import { explainCode, termFor } from '../glossary';
import { kindInfo } from '../recognize/catalog';

/**
 * What a reader can hover to learn: a table's title (what the table is), a column header (the term it
 * names, from the 名词解释), a classification code (its class, section and item by name).
 */
export interface Explanation {
  anchor: Anchor;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
}

const CODE_KEYS = /^(code|econ\.code|econ\.class|econ\.item|gov\.code|code\.(class|kuan|item))$/;

export function explanations(a: Analysis): Explanation[] {
  const out: Explanation[] = [];
  const seen = new Set<unknown>();
  const add = (e: Explanation) => {
    const key = e.anchor.kind === 'dom' ? e.anchor.element : `${e.anchor.page}:${e.anchor.box.join(',')}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(e);
  };
  for (const t of a.doc.tables) {
    if (t.kind === 'unknown') continue;
    const info = kindInfo(t.kind);
    if (t.titleAnchor) add({ anchor: t.titleAnchor, title: { zh: info.zh, en: info.en }, body: info.explain });
    for (const col of t.columns) {
      for (const h of col.headerCells) {
        const term = termFor(h.text);
        if (term) add({ anchor: h.anchor, title: { zh: term.zh, en: term.en }, body: term.explain });
      }
    }
    for (const r of t.rows) {
      if (!r.code) continue;
      const meaning = explainCode(r.code);
      if (!meaning) continue;
      const path = meaning.levels.map((l) => `${l.code} ${l.name || '…'}（${l.level}）`).join(' › ');
      const body =
        meaning.kind === 'function'
          ? { zh: `支出功能分类：${path}。类是 3 位、款再加 2 位、项再加 2 位；类的金额等于其下各款之和。`, en: `Functional classification: ${path}. Class (3 digits), section (+2), item (+2); a class equals the sum of its sections.` }
          : { zh: `支出经济分类：${path}。类是 3 位、款是 5 位；类的金额等于其下各款之和。`, en: `Economic classification: ${path}. Class (3 digits) and item (5 digits).` };
      for (const [key, cell] of Object.entries(r.texts)) {
        if (CODE_KEYS.test(key)) add({ anchor: cell.anchor, title: { zh: `科目 ${r.code}`, en: `Code ${r.code}` }, body });
      }
      const first = r.cells[0];
      if (first && /^\s*\d{3}(\s*\d{1,2}){0,2}\s*$/.test(first.text)) add({ anchor: first.anchor, title: { zh: `科目 ${r.code}`, en: `Code ${r.code}` }, body });
    }
  }
  return out;
}
