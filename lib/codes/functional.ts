/**
 * 政府收支分类科目 — expenditure function classification (支出功能分类). A code is 类 (3 digits), 款 (+2) and
 * 项 (+2): 201 03 01 = 一般公共服务支出 / 政府办公厅（室）及相关机构事务 / 行政运行. The classes are complete;
 * 款 and 项 cover those departments commonly report.
 */
interface FunctionClass {
  code: string;
  name: string;
  /** Other names the class is printed under (older templates, abbreviations). */
  aliases?: string[];
  /** The name is outdated (kept so documents using it can be recognised and flagged). */
  legacy?: boolean;
}

export const FUNCTION_CLASSES: readonly FunctionClass[] = [
  { code: '201', name: '一般公共服务支出' },
  { code: '202', name: '外交支出' },
  { code: '203', name: '国防支出' },
  { code: '204', name: '公共安全支出' },
  { code: '205', name: '教育支出' },
  { code: '206', name: '科学技术支出' },
  { code: '207', name: '文化旅游体育与传媒支出', aliases: ['文化体育旅游与传媒支出', '文化体育与传媒支出'] },
  { code: '208', name: '社会保障和就业支出' },
  { code: '209', name: '社会保险基金支出' },
  { code: '210', name: '卫生健康支出', aliases: ['医疗卫生与计划生育支出', '医疗卫生支出'] },
  { code: '211', name: '节能环保支出' },
  { code: '212', name: '城乡社区支出', aliases: ['城乡社区事务支出', '城乡社区事务'] },
  { code: '213', name: '农林水支出', aliases: ['农林水事务支出', '农林水事务'] },
  { code: '214', name: '交通运输支出' },
  { code: '215', name: '资源勘探工业信息等支出', aliases: ['资源勘探信息等支出', '资源勘探电力信息等支出'] },
  { code: '216', name: '商业服务业等支出' },
  { code: '217', name: '金融支出' },
  { code: '219', name: '援助其他地区支出' },
  { code: '220', name: '自然资源海洋气象等支出', aliases: ['国土海洋气象等支出'] },
  { code: '221', name: '住房保障支出' },
  { code: '222', name: '粮油物资储备支出' },
  { code: '223', name: '国有资本经营预算支出', aliases: ['国有资本经营预算'] },
  { code: '224', name: '灾害防治及应急管理支出' },
  { code: '227', name: '预备费' },
  { code: '229', name: '其他支出' },
  { code: '230', name: '转移性支出' },
  { code: '231', name: '债务还本支出' },
  { code: '232', name: '债务付息支出' },
  { code: '233', name: '债务发行费用支出' },
  { code: '234', name: '抗疫特别国债安排的支出' },
];

/** The outdated name a template may still carry beside the current one. */
const LEGACY_FUNCTION_NAMES: Readonly<Record<string, string>> = {
  医疗卫生与计划生育: '210',
  医疗卫生: '210',
  文化体育与传媒: '207',
  国土海洋气象等: '220',
};

/** Common 款 and 项 (code → name), for explanations. */
const FUNCTION_SUBCODES: Readonly<Record<string, string>> = {
  '20101': '人大事务', '2010101': '行政运行', '2010102': '一般行政管理事务',
  '20102': '政协事务', '20103': '政府办公厅（室）及相关机构事务', '2010301': '行政运行', '2010302': '一般行政管理事务', '2010303': '机关服务', '2010350': '事业运行', '2010399': '其他政府办公厅（室）及相关机构事务支出',
  '20104': '发展与改革事务', '20105': '统计信息事务', '20106': '财政事务', '2010601': '行政运行', '2010602': '一般行政管理事务', '2010607': '信息化建设', '2010608': '财政委托业务支出', '2010650': '事业运行', '2010699': '其他财政事务支出',
  '20107': '税收事务', '20108': '审计事务', '20110': '人力资源事务', '20111': '纪检监察事务', '20113': '商贸事务', '20126': '档案事务', '20129': '群众团体事务', '20131': '党委办公厅（室）及相关机构事务', '2013101': '行政运行', '2013102': '一般行政管理事务', '2013150': '事业运行', '2013199': '其他党委办公厅（室）及相关机构事务支出',
  '20132': '组织事务', '20133': '宣传事务', '20134': '统战事务', '20199': '其他一般公共服务支出',
  '20805': '行政事业单位养老支出', '2080501': '行政单位离退休', '2080502': '事业单位离退休', '2080505': '机关事业单位基本养老保险缴费支出', '2080506': '机关事业单位职业年金缴费支出', '2080599': '其他行政事业单位养老支出',
  '20808': '抚恤', '20899': '其他社会保障和就业支出',
  '21011': '行政事业单位医疗', '2101101': '行政单位医疗', '2101102': '事业单位医疗', '2101103': '公务员医疗补助', '2101199': '其他行政事业单位医疗支出',
  '22102': '住房改革支出', '2210201': '住房公积金', '2210202': '提租补贴', '2210203': '购房补贴',
  '22999': '其他支出', '2299999': '其他支出',
  '22001': '自然资源事务', '2200101': '行政运行', '2200102': '一般行政管理事务', '2200150': '事业运行',
};

const CLASS_BY_CODE = new Map(FUNCTION_CLASSES.map((c) => [c.code, c]));

let NAME_INDEX: Map<string, { code: string; legacy: boolean }> | undefined;

function nameIndex(): Map<string, { code: string; legacy: boolean }> {
  if (NAME_INDEX) return NAME_INDEX;
  const m = new Map<string, { code: string; legacy: boolean }>();
  for (const c of FUNCTION_CLASSES) {
    for (const n of [c.name, ...(c.aliases ?? [])]) m.set(functionNameCore(n), { code: c.code, legacy: false });
  }
  for (const [name, code] of Object.entries(LEGACY_FUNCTION_NAMES)) m.set(name, { code, legacy: true });
  NAME_INDEX = m;
  return m;
}

/** The class a printed name refers to: "一、一般公共服务", "（十）卫生健康支出", "医疗卫生与计划生育支出". */
export function functionClassByName(label: string): { code: string; legacy: boolean } | undefined {
  const core = functionNameCore(label);
  if (!core) return undefined;
  return nameIndex().get(core);
}

/** "（十）卫生健康支出" → "卫生健康"; numbering, spaces and the 支出 suffix removed. */
function functionNameCore(label: string): string {
  return label
    .replace(/\s+/g, '')
    .replace(/^[一二三四五六七八九十百]+[、.．]/, '')
    .replace(/^[（(][一二三四五六七八九十百]+[）)]/, '')
    .replace(/(的)?支出$/, '')
    .replace(/事务$/, (m, _off: number, s: string) => (s === '城乡社区事务' || s === '农林水事务' ? '' : m))
    .replace(/^(.+?)等$/, '$1等');
}

export function functionClassName(code: string): string | undefined {
  return CLASS_BY_CODE.get(code.slice(0, 3))?.name;
}

export function functionCodeName(code: string): string | undefined {
  if (code.length === 3) return functionClassName(code);
  return FUNCTION_SUBCODES[code];
}
