import type { Anchor, GridCell } from '../extract/types';
import type { Amount, Percent } from '../money/amount';
import type { MoneyUnit } from '../money/units';
import type { TableKind } from './catalog';

/** A table cell as the rules see it: its printed text, its amount if it holds one, and where it is. */
export interface Cell {
  text: string;
  /** Present when the text reads as an amount (blank and dash cells in money columns included). */
  amount?: Amount;
  anchor: Anchor;
  /** Grid position (within the table part it came from). */
  gridRow: number;
  gridCol: number;
  page?: number;
  /** The table this cell belongs to. */
  tableId: string;
}

export interface Column {
  index: number;
  key: string | null;
  /** Header texts from top to bottom. */
  path: string[];
  headerCells: GridCell[];
  money: boolean;
  /** Unit named in the header (`项目金额（万元）`). */
  unit?: MoneyUnit;
}

type RowKind = 'total' | 'unit' | 'function' | 'economic' | 'item' | 'project' | 'continuation' | 'blank';

export interface Row {
  /** Row index among the table's data rows. */
  index: number;
  /** Grid row the row starts on (within its table part). */
  gridRow?: number;
  label: string;
  labelCell?: Cell;
  kind: RowKind;
  /** Canonical key where the row has a standard meaning (ledger rows: `income.total`, `fn:201` …). */
  key?: string;
  /** Function code (`2010301`), economic code (`30101`), unit code (`001001`) or project code. */
  code?: string;
  /** 1 = 类 (or economic class), 2 = 款 (economic item), 3 = 项. */
  level?: number;
  side?: 'income' | 'expenditure';
  /** Money cells by canonical column key. */
  values: Record<string, Cell>;
  /** Every non-empty cell of the row, in column order. */
  cells: Cell[];
  /** Free text cells by column key (names, types, indicators). */
  texts: Record<string, Cell>;
  page?: number;
  /** The same code, name and amounts as the row just above: counted in a sum only where that makes it hold. */
  repeated?: boolean;
  /** The label is an outdated template name (医疗卫生与计划生育). */
  legacyLabel?: boolean;
}

export interface ProjectIndicator {
  group: 'cost' | 'output' | 'effect' | 'satisfaction';
  name: string;
  value: string;
  nameCell?: Cell;
  valueCell?: Cell;
}

export interface Project {
  name: string;
  code?: string;
  type?: string;
  row: Row;
  indicators: ProjectIndicator[];
  /** Unit/department this project sits under (code of the nearest unit row above). */
  unitCode?: string;
}

export interface Table {
  id: string;
  kind: TableKind | 'unknown';
  title: string;
  titleAnchor?: Anchor;
  unit: MoneyUnit;
  unitSource: 'line' | 'header' | 'document' | 'default';
  org?: string;
  page?: number;
  pageEnd?: number;
  columns: Column[];
  rows: Row[];
  headerRows: number;
  anchor: Anchor;
  /** Parts joined into this table (split tables with repeated headers, page continuations). */
  parts: number;
  notes: string[];
  /** A note says the table is empty on purpose ("…故此表无数据"). */
  declaredEmpty: boolean;
  /** Projects (project tables and project performance grids). */
  projects?: Project[];
  /** Key–value block of the overall performance table. */
  fields?: Record<string, Cell>;
  /** The indicator grid of the overall performance table. */
  indicators?: GridIndicator[];
}

export interface GridIndicator {
  level1?: string;
  level2?: string;
  name: string;
  value: string;
  note?: string;
  nameCell?: Cell;
  valueCell?: Cell;
  noteCell?: Cell;
}

type ClaimKey = string;

interface TextAnchorInfo {
  anchor: Anchor;
  /** The sentence as printed. */
  quote: string;
  page?: number;
}

export interface ChangeClaim {
  direction: 'increase' | 'decrease' | 'flat';
  amount?: Amount;
  rate?: Percent;
  /** The rate's own direction word (增长/下降), to check it agrees with 增加/减少. */
  rateDirection?: 'increase' | 'decrease';
  /** 上年 / 2023 年 — what is compared with. */
  versus?: string;
  /** The prior figure when the sentence states it ("比 2025 年预算数 44021.20 万元增加 148.16 万元"). */
  base?: Amount;
}

/** A figure stated in the narrative, with the sentence it comes from. */
export interface Claim {
  id: string;
  key: ClaimKey;
  /** What the figure is, in words (for messages). */
  label: string;
  value?: Amount;
  unit?: MoneyUnit;
  count?: number;
  share?: Percent;
  change?: ChangeClaim;
  /** 完成预算的 x% (决算). */
  completion?: Percent;
  /** Budget figure stated beside an actual one (决算: 年初预算为 A 万元，决算数为 B 万元). */
  budget?: Amount;
  /** Comparison word between actual and budget (决算 大于/小于/等于). */
  comparison?: 'greater' | 'less' | 'equal';
  /** The figure is stated as absent ("无政府采购预算安排"): it reads as zero. */
  none?: boolean;
  /** For counts stated with a list of names ("6个职能股室：A、B…"): how many names are listed. */
  enumerated?: number;
  /** The list ends with 等 (and others): it may name fewer than the count. */
  openList?: boolean;
  /** For counts stated with their parts ("项目4个…优4个、良0个…"): the sum of the parts. */
  partsSum?: number;
  /** The claim this share is a share of (its id), when the sentence names it. */
  whole?: string;
  /** 类/款/项 names an item is introduced with ("社会保障和就业支出（类）…（款）…（项）"). */
  names?: string[];
  /** A rate printed without its % sign ("增长 13.95。"). */
  missingPercent?: string;
  /** Section heading the sentence falls under. */
  section?: string;
  source: TextAnchorInfo;
}

export interface TocEntry {
  number?: number;
  title: string;
  kind?: TableKind;
  anchor: Anchor;
  page?: number;
}

export type DocumentKind = 'budget' | 'final-accounts' | 'performance-targets' | 'other';

export interface Paragraph {
  text: string;
  anchor: Anchor;
  page?: number;
  heading?: boolean;
  section?: string;
}

export interface BudgetDoc {
  source: string;
  format: 'html' | 'pdf';
  kind: DocumentKind;
  isBudget: boolean;
  /** A blank template (上海市XX局, no amounts anywhere): placeholders are expected, not findings. */
  isTemplate?: boolean;
  year?: number;
  organization?: string;
  unit?: MoneyUnit;
  tables: Table[];
  claims: Claim[];
  toc: TocEntry[];
  paragraphs: Paragraph[];
  pageCount?: number;
  warnings: { code: string; message: string; page?: number }[];
  /** Files the page links as attachments (its tables may be there). */
  attachments?: { name: string; href: string }[];
}
