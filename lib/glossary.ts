import { ECONOMIC_CLASSES, ECONOMIC_ITEMS } from './codes/economic';
import { FUNCTION_CLASSES, functionCodeName } from './codes/functional';

/**
 * The terms of a disclosure's 名词解释, in plain words for readers learning the format, with the words a
 * table header or a sentence uses for them. Shown where a term appears: beside figures in the panel and on
 * hover over table headers.
 */
export interface Term {
  id: string;
  zh: string;
  en: string;
  /** Texts that name the term (matched inside headers and labels, longest first). */
  words: string[];
  explain: { zh: string; en: string };
}

export const GLOSSARY: readonly Term[] = [
  { id: 'fiscal', zh: '财政拨款收入', en: 'Fiscal appropriation', words: ['财政拨款收入', '财政拨款'], explain: { zh: '本级财政当年拨给本部门的资金，包括一般公共预算、政府性基金预算和国有资本经营预算三类拨款。', en: 'Money the finance bureau appropriates to the department this year, from the general budget, government funds and state capital budgets.' } },
  { id: 'gp', zh: '一般公共预算', en: 'General public budget', words: ['一般公共预算'], explain: { zh: '以税收为主体的财政收入安排的预算，用于保障和改善民生、维持机构运转等，是部门资金最主要的来源。', en: 'The budget funded mainly by taxes; most of a department\'s money comes from it.' } },
  { id: 'fund', zh: '政府性基金预算', en: 'Government fund budget', words: ['政府性基金'], explain: { zh: '依法向特定对象征收、收取的专项资金（如土地出让收入）安排的预算，专款专用。', en: 'Earmarked levies and charges (land sales, for example), spent only on their purpose.' } },
  { id: 'capital', zh: '国有资本经营预算', en: 'State capital budget', words: ['国有资本经营'], explain: { zh: '用国有资本收益（国有企业上缴的利润等）安排的预算。', en: 'Spending funded from state-owned capital income (profits paid by state firms).' } },
  { id: 'special', zh: '财政专户管理资金', en: 'Special-account funds', words: ['财政专户管理资金', '财政专户'], explain: { zh: '存放在财政专户、由财政统一管理的资金，如部分教育收费。', en: 'Money held in the finance bureau\'s special accounts, such as some education fees.' } },
  { id: 'unit', zh: '单位资金', en: 'Own funds', words: ['单位资金'], explain: { zh: '单位自己取得的事业收入、经营收入、其他收入等，不是财政拨款。', en: 'Money the unit earns itself (service, business and other income), not appropriations.' } },
  { id: 'carry', zh: '结转结余', en: 'Carry-over', words: ['上年结转结余', '年初结转和结余', '年末结转和结余', '结转结余', '结转'], explain: { zh: '以前年度没有花完、按规定留到本年继续使用（结转）或项目完成后剩下（结余）的资金。', en: 'Money left from earlier years: still to be spent on its purpose (结转) or left over once it was done (结余).' } },
  { id: 'basic', zh: '基本支出', en: 'Basic expenditure', words: ['基本支出'], explain: { zh: '保障机构正常运转、完成日常工作的支出，分为人员经费和公用经费。', en: 'What it costs to keep the body running day to day: personnel costs plus running costs.' } },
  { id: 'project', zh: '项目支出', en: 'Project expenditure', words: ['项目支出'], explain: { zh: '在基本支出之外，为完成特定行政任务或事业发展目标的支出，按项目管理，一般要填报绩效目标。合计 = 基本支出 + 项目支出。', en: 'Spending for specific tasks beyond day-to-day running, managed project by project with performance targets. Total = basic + project.' } },
  { id: 'personnel', zh: '人员经费', en: 'Personnel costs', words: ['人员经费'], explain: { zh: '基本支出中用于人的部分：工资福利支出（301）和对个人和家庭的补助（303）。', en: 'The people part of basic expenditure: wages and benefits (301) and payments to individuals (303).' } },
  { id: 'public', zh: '公用经费', en: 'Running costs', words: ['日常公用经费', '公用经费'], explain: { zh: '基本支出中用于机构运转的部分：商品和服务支出（302）和资本性支出（310）中的办公设备等。', en: 'The running part of basic expenditure: goods and services (302) and small capital items (310).' } },
  { id: 'wages', zh: '工资福利支出', en: 'Wages and benefits', words: ['工资福利支出', '工资福利'], explain: { zh: '经济分类 301：基本工资、津贴补贴、奖金、社会保险缴费、住房公积金等。', en: 'Economic class 301: salaries, allowances, bonuses, social insurance, housing fund.' } },
  { id: 'goods', zh: '商品和服务支出', en: 'Goods and services', words: ['商品和服务支出'], explain: { zh: '经济分类 302：办公费、水电费、差旅费、会议费、培训费、公务接待费、公务用车运行维护费等。', en: 'Economic class 302: office costs, utilities, travel, meetings, training, hospitality, vehicle running.' } },
  { id: 'transfers', zh: '对个人和家庭的补助', en: 'Payments to individuals', words: ['对个人和家庭的补助', '对个人和家庭补助'], explain: { zh: '经济分类 303：离退休费、抚恤金、生活补助、助学金等直接付给个人的钱。', en: 'Economic class 303: pensions, survivors\' benefits, allowances paid to individuals.' } },
  { id: 'capitalExp', zh: '资本性支出', en: 'Capital expenditure', words: ['资本性支出'], explain: { zh: '经济分类 310：购置办公设备、车辆、房屋建设等形成资产的支出。', en: 'Economic class 310: buying equipment and vehicles, buildings — spending that creates assets.' } },
  { id: 'threePublic', zh: '“三公”经费', en: '"Three public" costs', words: ['“三公”经费', '"三公"经费', '三公经费', '三公'], explain: { zh: '因公出国（境）费、公务用车购置及运行费、公务接待费三项之和，社会关注度高，必须单独公开。“三公”经费 = 出国（境）费 + 公务用车购置及运行费 + 公务接待费。', en: 'Official travel abroad, official vehicles (purchase and running) and official hospitality; always disclosed separately.' } },
  { id: 'operating', zh: '机关运行经费', en: 'Office running costs', words: ['机关运行经费', '机构运转经费'], explain: { zh: '行政单位（和参公事业单位）为保障机构运转用一般公共预算安排的公用经费，如办公费、水电费、差旅费等。', en: 'The running costs of administrative bodies paid from the general budget (office, utilities, travel…).' } },
  { id: 'procurement', zh: '政府采购', en: 'Government procurement', words: ['政府采购'], explain: { zh: '用财政性资金采购货物、工程和服务。政府采购预算 = 货物 + 工程 + 服务。', en: 'Buying goods, works and services with public money. Procurement = goods + works + services.' } },
  { id: 'functionClass', zh: '支出功能分类', en: 'Functional classification', words: ['功能分类', '科目编码', '科目名称'], explain: { zh: '按政府职能（钱用在哪方面）分类：类（3 位，如 201 一般公共服务支出）、款（再加 2 位）、项（再加 2 位），如 2010301 = 一般公共服务支出 › 政府办公厅（室）及相关机构事务 › 行政运行。', en: 'What the money is for: 类 (3 digits, e.g. 201 general public services), 款 (+2), 项 (+2): 2010301 = general public services › government offices › administration.' } },
  { id: 'economicClass', zh: '支出经济分类', en: 'Economic classification', words: ['经济分类'], explain: { zh: '按支出的经济性质（钱买了什么）分类：类（3 位，如 301 工资福利支出）、款（5 位，如 30101 基本工资）。', en: 'What the money buys: class (3 digits, e.g. 301 wages) and item (5 digits, e.g. 30101 basic salary).' } },
  { id: 'lei', zh: '类、款、项', en: 'Class, section, item', words: ['类', '款', '项'], explain: { zh: '功能分类科目的三级：类是大方向（如教育），款是其中一块（如普通教育），项是具体用途（如小学教育）。类的金额 = 其下各款之和，款 = 其下各项之和。', en: 'The three levels of a function code. A class equals the sum of its sections, a section the sum of its items.' } },
  { id: 'performance', zh: '绩效目标', en: 'Performance targets', words: ['绩效目标', '绩效指标'], explain: { zh: '预算资金计划达到的产出和效果，分成本、产出、效益、满意度等指标，每个指标有指标值（如 ≥98%）。', en: 'What the money should achieve, as cost, output, effect and satisfaction indicators with target values (e.g. ≥98%).' } },
  { id: 'budgetNumber', zh: '预算数', en: 'Budget figure', words: ['年初预算数', '预算数', '年初预算'], explain: { zh: '年初人代会批准的计划金额。', en: 'The amount planned at the start of the year, as approved.' } },
  { id: 'finalNumber', zh: '决算数', en: 'Final figure', words: ['决算数', '支出决算'], explain: { zh: '年度结束后实际收支的金额。完成率 = 决算数 ÷ 预算数。', en: 'What was actually received or spent in the year. Completion = final ÷ budget.' } },
  { id: 'operatingProject', zh: '其他运转类 / 特定目标类', en: 'Operating / specific projects', words: ['其他运转类', '特定目标类', '运转类'], explain: { zh: '项目支出的两种：其他运转类是维持机构运转但不属于基本支出的项目，特定目标类是为完成特定任务的项目。项目支出 = 其他运转类 + 特定目标类。', en: 'The two kinds of projects: operating projects (running needs outside basic expenditure) and specific-purpose projects.' } },
];

const BY_WORD: { word: string; term: Term }[] = GLOSSARY.flatMap((t) => t.words.map((word) => ({ word, term: t }))).sort((a, b) => b.word.length - a.word.length);

/** The term a header or label names (the longest match), if any. Single-character words match exactly. */
export function termFor(text: string): Term | undefined {
  const s = text.replace(/\s+/g, '');
  for (const { word, term } of BY_WORD) {
    if (word.length === 1 ? s === word : s.includes(word)) return term;
  }
  return undefined;
}

/** Terms that occur in a text (for the panel's glossary of this document). */
export function termsIn(text: string): Term[] {
  const s = text.replace(/\s+/g, '');
  const out: Term[] = [];
  for (const t of GLOSSARY) if (t.words.some((w) => w.length > 1 && s.includes(w)) && !out.includes(t)) out.push(t);
  return out;
}

/** What a classification code means, level by level: 2010301 → 一般公共服务支出 › … › 行政运行. */
export function explainCode(code: string): { levels: { code: string; name: string; level: string }[]; kind: 'function' | 'economic' } | undefined {
  const c = code.replace(/\s+/g, '');
  if (/^3\d{2}(\d{2})?$/.test(c) || /^5\d{2}(\d{2})?$/.test(c)) {
    const levels = [{ code: c.slice(0, 3), name: ECONOMIC_CLASSES[c.slice(0, 3)] ?? '', level: '类' }];
    if (c.length === 5) levels.push({ code: c, name: ECONOMIC_ITEMS[c] ?? '', level: '款' });
    return levels[0]!.name ? { levels, kind: 'economic' } : undefined;
  }
  if (!/^2\d{2}(\d{2}){0,2}$/.test(c)) return undefined;
  const levels = [{ code: c.slice(0, 3), name: FUNCTION_CLASSES.find((f) => f.code === c.slice(0, 3))?.name ?? '', level: '类' }];
  if (c.length >= 5) levels.push({ code: c.slice(0, 5), name: functionCodeName(c.slice(0, 5)) ?? '', level: '款' });
  if (c.length === 7) levels.push({ code: c, name: functionCodeName(c) ?? '', level: '项' });
  return levels[0]!.name ? { levels, kind: 'function' } : undefined;
}
