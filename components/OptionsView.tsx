import { RULE_GROUPS, type Settings } from '../lib/settings';
import { RULES } from '../lib/rules/registry';
import type { Lang } from './i18n';

const GROUP_NAMES: Record<(typeof RULE_GROUPS)[number], { zh: string; en: string }> = {
  arithmetic: { zh: '表内加总（合计 = 各项之和）', en: 'Sums within a table' },
  'cross-table': { zh: '表与表之间一致', en: 'Agreement between tables' },
  narrative: { zh: '说明文字与表格一致', en: 'Text agrees with the tables' },
  plausibility: { zh: '合理性（科目、单位、异常值）', en: 'Plausibility (classes, units, outliers)' },
  completeness: { zh: '完整性（目录、模板残留、可读性）', en: 'Completeness (contents, template residue, readability)' },
  performance: { zh: '绩效目标表', en: 'Performance targets' },
};

const T = {
  zh: { title: '预算透镜 · 设置', rules: '检查哪些规则', tolerance: '舍入差异', aware: '印刷位数的舍入范围内的差异只作提示（推荐）', strict: '严格：任何差异都算错误', language: '界面语言', auto: '跟随浏览器', pdf: 'PDF', intercept: '用预算透镜打开 PDF 链接', marks: '标记', ticks: '在核对一致的数字旁显示小对勾 ✓', ocrAuto: '扫描页自动识别文字（OCR，本地，较慢）', saved: '已保存', n: '{n} 条规则' },
  en: { title: 'BudgetLens · Options', rules: 'Rules to run', tolerance: 'Rounding', aware: 'Differences within printed rounding are notes (recommended)', strict: 'Strict: any difference is an error', language: 'Interface language', auto: 'Follow the browser', pdf: 'PDF', intercept: 'Open PDF links in BudgetLens', marks: 'Marks', ticks: 'Show a small tick ✓ beside numbers that reconcile', ocrAuto: 'Read scanned pages automatically (OCR, on this computer, slower)', saved: 'Saved', n: '{n} rules' },
} as const;

/** A change to the settings: top-level fields, or some rule groups (merged into the current ones). */
export type SettingsPatch = Partial<Omit<Settings, 'groups'>> & { groups?: Partial<Settings['groups']> };

export function OptionsView(p: { settings: Settings; lang: Lang; saved: boolean; onChange: (patch: SettingsPatch) => void }) {
  const s = p.settings;
  const l = T[p.lang];
  const set = (patch: SettingsPatch) => p.onChange(patch);
  return (
    <main class="bl" style={{ maxWidth: '640px', margin: '24px auto', background: '#fff', padding: '20px 24px', borderRadius: '10px', border: '1px solid #d9dee5' }}>
      <h1 style={{ fontSize: '18px', margin: '0 0 12px' }}>{l.title}</h1>
      <fieldset>
        <legend>{l.rules}</legend>
        {RULE_GROUPS.map((g) => (
          <label key={g} style={{ display: 'block' }}>
            <input type="checkbox" name={`group-${g}`} checked={s.groups[g]} onChange={(e) => set({ groups: { [g]: (e.target as HTMLInputElement).checked } })} /> {GROUP_NAMES[g][p.lang]}{' '}
            <span class="bl-note">{l.n.replace('{n}', String(RULES.filter((r) => r.group === g).length))}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{l.tolerance}</legend>
        <label style={{ display: 'block' }}>
          <input type="radio" name="tolerance" value="rounding-aware" checked={s.tolerance === 'rounding-aware'} onChange={() => set({ tolerance: 'rounding-aware' })} /> {l.aware}
        </label>
        <label style={{ display: 'block' }}>
          <input type="radio" name="tolerance" value="strict" checked={s.tolerance === 'strict'} onChange={() => set({ tolerance: 'strict' })} /> {l.strict}
        </label>
      </fieldset>
      <fieldset>
        <legend>{l.language}</legend>
        <select name="language" value={s.language} onChange={(e) => set({ language: (e.target as HTMLSelectElement).value as Settings['language'] })}>
          <option value="auto">{l.auto}</option>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </fieldset>
      <fieldset>
        <legend>{l.pdf}</legend>
        <label>
          <input type="checkbox" name="interceptPdf" checked={s.interceptPdf} onChange={(e) => set({ interceptPdf: (e.target as HTMLInputElement).checked })} /> {l.intercept}
        </label>
        <label style={{ display: 'block' }}>
          <input type="checkbox" name="ocrAuto" checked={s.ocrAuto} onChange={(e) => set({ ocrAuto: (e.target as HTMLInputElement).checked })} /> {l.ocrAuto}
        </label>
      </fieldset>
      <fieldset>
        <legend>{l.marks}</legend>
        <label>
          <input type="checkbox" name="ticks" checked={s.ticks} onChange={(e) => set({ ticks: (e.target as HTMLInputElement).checked })} /> {l.ticks}
        </label>
      </fieldset>
      <p class="bl-note" role="status">{p.saved ? l.saved : ''}</p>
    </main>
  );
}
