import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../lib/recognize/narrative/claims';
import type { Claim, Paragraph } from '../../lib/recognize/model';

const anchor = { kind: 'pdf' as const, page: 1, box: [0, 0, 1, 1] as [number, number, number, number] };
const claimsOf = (...texts: string[]): Claim[] => extractClaims(texts.map((text): Paragraph => ({ text, anchor })));
const get = (cs: Claim[], key: string) => cs.find((c) => c.key === key);

describe('narrative claims (reference §4)', () => {
  it('P1 totals with a shared YoY change', () => {
    const cs = claimsOf('区党政办公室 2024 年收入总计 1070 万元，支出总计 1070 万元，与 2023 年预算相比，收支总计各增加 20.30 万元，增长 1.93%。');
    expect(get(cs, 'income.grand')!.value!.raw).toBe('1070');
    expect(get(cs, 'exp.grand')!.change).toMatchObject({ direction: 'increase', amount: { raw: '20.30' }, rate: { raw: '1.93%' } });
  });
  it('P1 with 收、支 and 下降', () => {
    const cs = claimsOf('办公室 2023 年收入总计 1990.50 万元，支出总计 1990.50 万元，与 2022 年相比，收、支总计各减少 424.25 万元，下降 17.57%。');
    expect(get(cs, 'income.grand')!.change).toMatchObject({ direction: 'decrease', rateDirection: 'decrease', amount: { raw: '424.25' } });
  });
  it('P1 with income and expenditure changes stated separately, ASCII punctuation and 万元万元 (004)', () => {
    const cs = claimsOf('管理局 2022 年收入总计 883.5 万元,支出总计 883.5 万元,与 2021 年预算相比,收入增加 85.62 万元万元,增长 10.73%。主要原因:大厅运行经费增多;支出增加 85.62 万元,增长 10.73%。');
    expect(get(cs, 'income.grand')!.change?.amount?.raw).toBe('85.62');
    expect(get(cs, 'exp.grand')!.change?.rate?.raw).toBe('10.73%');
  });
  it('P3 splits with shares, and 004\'s split decimal "883. 50"', () => {
    const cs = claimsOf('2022 年支出合计 883. 50 万元,其中:基本支出 633.06 万元,占71.65%;项目支出 250.44 万元,占 28.35%,。');
    expect(get(cs, 'exp.total')!.value!.units).toBe(88350);
    expect(get(cs, 'exp.basic')!.share!.raw).toBe('71.65%');
    expect(get(cs, 'exp.project')!.value!.raw).toBe('250.44');
  });
  it('P2 and P4–P6', () => {
    const cs = claimsOf(
      '2024年收入合计 969.06万元，其中：一般公共预算拨款收入 969.06万元。',
      '2024年一般公共预算收支预算1070万元，政府性基金收支预算0万元。与2023年相比，一般公共预算收支预算增加20.30万元，增长1.93%，主要原因：略。',
      '2024 年一般公共预算支出年初预算为 1070 万元。其中：基本支出 562.63 万元，占 52.58%；项目支出 507.37 万元，占 47.42%。',
      '2024 年一般公共预算基本支出年初预算为 562.63 万元。其中：人员经费支出 510.01 万元，占 90.65%；公用经费支出 52.62 万元，占 9.35%。',
    );
    expect(get(cs, 'income.gp')!.value!.raw).toBe('969.06');
    expect(get(cs, 'fiscal.fund')!.value!.raw).toBe('0');
    expect(get(cs, 'fiscal.gp')!.change?.amount?.raw).toBe('20.30');
    expect(get(cs, 'gp.project')!.share!.raw).toBe('47.42%');
    expect(get(cs, 'basic.public')!.value!.raw).toBe('52.62');
  });
  it('P7/P8 三公 with markdown-bold figures and per-item changes', () => {
    const cs = claimsOf(
      '2024年“三公”经费支出预算为6.50万元。2024年“三公”经费支出预算数比2023年减少1.00万元。',
      '（一）因公出国（境）费**0**万元，主要用于……。预算数与2023年保持一致。',
      '（二）公务接待费2.50万元，主要用于……。预算数比2023年减少1.00万元。',
      '（三）公务用车购置及运行费4.00万元，其中：公务用车购置费0万元，与2023年持平；公务用车运行维护费4.00万元，与2023年持平。',
    );
    expect(get(cs, 'threePublic.total')!.change).toMatchObject({ direction: 'decrease', amount: { raw: '1.00' } });
    expect(get(cs, 'threePublic.abroad')!.change?.direction).toBe('flat');
    expect(get(cs, 'threePublic.reception')!.change?.amount?.raw).toBe('1.00');
    expect(get(cs, 'threePublic.vehicle.run')!.value!.raw).toBe('4.00');
  });
  it('P9 none-statements, P10, P11, P12, P13', () => {
    const cs = claimsOf(
      '区党政办公室 2024 年无政府性基金预算拨款安排的支出。',
      '2023 年机关运行经费支出预算 151.10 万元，主要保障机构正常运转，比 2022 年减少 2.80 万元，下降 1.82%。',
      '2024年政府采购预算安排8.70万元，其中：政府采购货物预算8.70万元、政府采购工程预算0万元、政府采购服务预算0万元。',
      '对项目支出全面实施绩效目标管理，涉及预算拨款507.37万元,共10个项目。',
      '2023 年，填报绩效目标的预算项目 7 个，公开绩效目标 7 个，公开项目占全部预算项目的 100.00%。公开填报绩效目标的项目预算 187.00 万元，占全部项目预算的 100.00%。',
      '2022 年期末，共有车辆 27 辆，其中：一般公务用车 26 辆、其他用车 1 辆，其他用车主要是机要通信用车 1 辆。',
      '无政府采购预算安排。',
    );
    expect(get(cs, 'fund.exp')!.none).toBe(true);
    expect(get(cs, 'operatingCost')!.change).toMatchObject({ direction: 'decrease', amount: { raw: '2.80' }, rate: { raw: '1.82%' } });
    expect(get(cs, 'procurement.services')!.value!.raw).toBe('0');
    expect(cs.filter((c) => c.key === 'projects.count').map((c) => c.count)).toEqual([10, 7]);
    expect(get(cs, 'projects.published')!.share!.raw).toBe('100.00%');
    expect(get(cs, 'vehicles.total')).toMatchObject({ count: 27, partsSum: 27, enumerated: 2 });
    expect(cs.some((c) => c.key === 'procurement.total' && c.none)).toBe(true);
  });
  it('P15 counts and lists', () => {
    const cs = claimsOf('部门预算包括6个职能股室：综合法规股、秘书会务档案管理股、信息调研股、机要保密股、深化改革协调股、国家安全和外事协调股；4个非独立预算单位：甲中心、乙中心、丙中心、丁中心的预算。');
    expect(cs.map((c) => [c.count, c.enumerated])).toEqual([[6, 6], [4, 4]]);
  });
  it('keeps the sentence as printed for the anchor', () => {
    const [c] = claimsOf('第一句话。2024年收入合计 969.06万元，其中：一般公共预算拨款收入 969.06万元。第三句。');
    expect(c!.source.quote).toBe('2024年收入合计 969.06万元，其中：一般公共预算拨款收入 969.06万元。');
  });
});
