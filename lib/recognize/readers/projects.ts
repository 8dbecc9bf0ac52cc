/** Project lists and project performance grids: projects, their units, their indicators. */
import { parseAmount } from '../../money/amount';
import { nameKey } from '../../text/names';
import { isProjectCode, isUnitCode } from '../codes';
import type { Project, ProjectIndicator, Table } from '../model';
import { colIndex, sameValues } from './shared';

const INDICATOR_GROUPS = ['cost', 'output', 'effect', 'satisfaction'] as const;

const UNIT_NAME = /(局|办公室|委员会|中心|人民政府|办事处|法院|检察院|院|所|站|队|馆|学校|小学|中学|幼儿园|委|办|会|团|部|厅|处|署|社|公司|集团|财务)$/;

/** A name that denotes an organisation (a department or unit row), not a project. */
function isUnitName(name: string, org?: string): boolean {
  if (org && nameKey(name) === nameKey(org)) return true;
  return UNIT_NAME.test(name.trim()) && !/(经费|费|资金|项目|工程|补助|补贴|建设|购置|工资)$/.test(name.trim());
}

const VALUE_LIKE = /^[≤≥<>=＜＞≦≧]|^[-+]?\d|%$|^(?:明显|显著|良好|较好|优|及时|达标|合格|是|否|有效|提高|提升|相关|合理|科学|完整|真实|合规|健全|公开|规范|完成|稳定|无|按需|按时|全覆盖|持续|长期|准确|安全)/;

/**
 * Word tables with a deleted cell put every indicator of a line one column off its header. Try shifts of
 * −1, 0, +1 over the indicator region and keep the one under which names fall in 三级指标 columns and
 * values in 指标值 columns (the reference's advice: map by content, not by position).
 */
function realignIndicators(table: Table): void {
  const keyAt = table.columns.map((c) => c.key);
  const firstInd = keyAt.findIndex((k) => !!k && /^(cost|output|effect|satisfaction)\./.test(k));
  if (firstInd < 0) return;
  const start = Math.max(0, firstInd - 1);
  const score = (shift: number): number => {
    let sc = 0;
    for (const row of table.rows) {
      for (const cell of row.cells) {
        if (cell.gridCol < start || cell.gridRow !== row.gridRow) continue;
        const key = keyAt[cell.gridCol + shift];
        const t = cell.text.trim();
        if (!t) continue;
        const isValue = VALUE_LIKE.test(t);
        if (!key) sc -= 1;
        else if (key.endsWith('.name')) sc += isValue ? -1 : 1;
        else if (key.endsWith('.value')) sc += isValue ? 1 : -1;
        else sc += parseAmount(t)?.printed ? 1 : -2;
      }
    }
    return sc;
  };
  const base = score(0);
  let best = 0;
  let bestScore = base;
  for (const sh of [1, -1]) {
    const v = score(sh);
    if (v > bestScore + 2) (best = sh), (bestScore = v);
  }
  if (best === 0) return;
  for (const row of table.rows) {
    for (const cell of row.cells) {
      if (cell.gridCol < start || cell.gridRow !== row.gridRow) continue;
      const oldKey = keyAt[cell.gridCol];
      const newKey = keyAt[cell.gridCol + best];
      if (oldKey && row.texts[oldKey] === cell) delete row.texts[oldKey];
      if (oldKey && row.values[oldKey] === cell) delete row.values[oldKey];
      if (newKey && cell.text.trim()) row.texts[newKey] = cell;
    }
  }
}

export function readProjects(table: Table): void {
  if (table.kind === 'project-performance') realignIndicators(table);
  const projects: Project[] = [];
  let current: Project | undefined;
  let unitCode: string | undefined;
  const typeCol = colIndex(table, 'type');
  const hasUnitName = colIndex(table, 'unitName') !== undefined;
  for (const row of table.rows) {
    const codeText = (row.texts['code']?.text ?? row.texts['unitCode']?.text ?? '').replace(/\s+/g, '');
    const name = (row.texts['name']?.text ?? '').trim();
    const type = (row.texts['type']?.text ?? '').trim();
    // Money in recognised columns only: a figure in an indicator column (指标值 120) is not a project amount.
    const hasMoney = Object.entries(row.values).some(([k, c]) => !/^col\d+$/.test(k) && c.amount?.printed);
    if (row.kind === 'total') continue;
    // Code and name cells merged down over the project's indicator lines: those lines continue it.
    const codeCell = row.texts['code'] ?? row.texts['name'];
    if (current && codeCell && codeCell.gridRow !== row.gridRow && !hasMoney) {
      row.kind = 'continuation';
    } else if (isProjectCode(codeText)) {
      row.kind = 'project';
      row.code = codeText;
    } else if (codeText && isUnitCode(codeText) && !type && (codeText.length === 3 || !name || isUnitName(name, table.org)) && (table.kind === 'project-performance' || !name || !hasUnitName)) {
      row.kind = 'unit';
      row.code = codeText;
      unitCode = codeText;
      current = undefined;
      continue;
    } else if ((isUnitCode(name) && !type) || (isUnitCode(type) && !isProjectCode(codeText))) {
      // The unit code printed in the name column (000) or in the 类型 column (001).
      const code = isUnitCode(type) ? type : name;
      row.kind = 'unit';
      row.code = code;
      if (isUnitCode(type) && name) row.label = name;
      unitCode = code;
      current = undefined;
      continue;
    } else if (!name && !hasMoney && current) {
      row.kind = 'continuation';
    } else if (name && (hasMoney || type)) {
      row.kind = 'project';
    } else if (!name && hasMoney && projects.length === 0 && !current) {
      // A total row without a label (000 项目支出预算表).
      row.kind = 'total';
      if (!row.label) row.label = '合计';
      continue;
    } else if (name && !hasMoney && current && table.kind === 'project-performance') {
      row.kind = 'continuation';
    }
    // The same project again right after itself (its merged cells printed once more after a page break):
    // a continuation, not a second project.
    const last = projects[projects.length - 1];
    if (row.kind === 'project' && last && current === last && last.name === name && sameValues(last.row, row)) row.kind = 'continuation';
    if (row.kind === 'project') {
      current = { name, row, indicators: [] };
      // 004 prints the unit code on each project line instead of a project code.
      if (codeText && isUnitCode(codeText)) unitCode = codeText;
      if (row.code) current.code = row.code;
      if (type) current.type = type;
      else if (typeCol !== undefined) current.type = '';
      if (unitCode) current.unitCode = unitCode;
      row.label = name;
      projects.push(current);
    } else if (row.kind === 'continuation' && current && name && table.kind === 'project-performance') {
      // A name broken over two lines (page break inside a cell).
      const own = row.texts['name']?.gridRow === row.gridRow;
      if (own && !row.texts['cost.name'] && !row.texts['output.name'] && !Object.keys(row.values).length && name.length < 12) current.name += name;
    }
    if (current && (row.kind === 'project' || row.kind === 'continuation')) {
      for (const group of INDICATOR_GROUPS) {
        const n = row.texts[`${group}.name`];
        const v = row.texts[`${group}.value`] ?? row.values[`${group}.value`];
        if (!n && !v) continue;
        const ind: ProjectIndicator = { group, name: n?.text ?? '', value: v?.text ?? '' };
        if (n) ind.nameCell = n;
        if (v) ind.valueCell = v;
        current.indicators.push(ind);
      }
    }
  }
  table.projects = projects;
}
