import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { explainCode, termFor, termsIn } from '../lib/glossary';
import type { Report } from '../lib/report/schema';
import { verdict } from '../lib/report/verdict';
import { ruleById } from '../lib/rules/registry';
import { Charts } from './Charts';
import { t, type Lang } from './i18n';

export interface PanelProps {
  lang: Lang;
  onLang?: (l: Lang) => void;
  /** Absent while the analysis runs. */
  report?: Report;
  progress?: { page: number; pages: number };
  /** The report covers only the pages read so far (a PDF still being read): its findings are final, not complete. */
  partial?: { through: number; pages: number };
  /** What went wrong, shown instead of (or above) the results; the page itself is never affected. */
  error?: string;
  failures?: { rule: string; message: string }[];
  /** Findings that have something to show on the page (others are listed but not clickable to a place). */
  placed?: ReadonlySet<number>;
  onSelect?: (finding: number) => void;
  /** The panel's actions (exports, print, the viewer's "open the original"): shown at the top, one click away. */
  actions?: ComponentChildren;
  /** Controlled collapse: the panel docks in its own column when open and shrinks to its header when closed. */
  collapsed?: boolean;
  onCollapse?: (collapsed: boolean) => void;
  /** Next / previous finding (also on the keyboard: j / k). */
  nav?: { current: number | null; position: number | null; total: number; next: () => void; previous: () => void };
}

const SEVERITIES = ['error', 'warning', 'info'] as const;

/** The findings in the order the panel lists them (by severity, then rule): next / previous follow it. */
export function findingOrder(r: Report): number[] {
  const out: number[] = [];
  for (const sev of SEVERITIES) {
    const list = r.findings.map((f, i) => ({ f, i })).filter((x) => x.f.severity === sev);
    for (const rule of [...new Set(list.map((x) => x.f.rule))]) for (const x of list) if (x.f.rule === rule) out.push(x.i);
  }
  return out;
}

/**
 * The side panel, docked in its own column (the page or the viewer reflows beside it): the actions and
 * next / previous at the top, then what the document is, its money, its findings, its tables.
 */
export function Panel(p: PanelProps) {
  const [ownCollapsed, setOwnCollapsed] = useState(false);
  const collapsed = p.collapsed ?? ownCollapsed;
  const setCollapsed = (c: boolean) => (p.onCollapse ? p.onCollapse(c) : setOwnCollapsed(c));
  const r = p.report;
  const lang = p.lang;
  const counts = r?.counts;
  const nav = p.nav;

  return (
    <div class={`bl-panel${collapsed ? ' bl-collapsed' : ' bl-docked'}`} role="complementary" aria-label={t(lang, 'brand')} data-budget-lens-panel={collapsed ? 'collapsed' : 'docked'}>
      <div class="bl-head">
        <span class="bl-title">{t('zh', 'brand')} · BudgetLens</span>
        {counts && (
          <span class="bl-badges">
            {counts.error > 0 && <span class="bl-badge error" title={t(lang, 'error')}>{counts.error}</span>}
            {counts.warning > 0 && <span class="bl-badge warning" title={t(lang, 'warning')}>{counts.warning}</span>}
            {counts.info > 0 && <span class="bl-badge info" title={t(lang, 'info')}>{counts.info}</span>}
          </span>
        )}
        {!collapsed && p.onLang && (
          <button type="button" onClick={() => p.onLang!(lang === 'zh' ? 'en' : 'zh')}>
            {t(lang, 'language')}
          </button>
        )}
        <button type="button" data-action="collapse" aria-expanded={!collapsed} onClick={() => setCollapsed(!collapsed)}>
          {collapsed ? t(lang, 'expand') : t(lang, 'collapse')}
        </button>
      </div>
      {p.progress && p.progress.page < p.progress.pages && (
        <div class="bl-progress" role="progressbar" aria-valuemin={0} aria-valuemax={p.progress.pages} aria-valuenow={p.progress.page} aria-label={t(lang, 'readingPage', p.progress)}>
          <i style={{ width: `${(100 * p.progress.page) / p.progress.pages}%` }} />
        </div>
      )}
      {!collapsed && (p.actions || (nav && nav.total > 0)) && (
        <div class="bl-top">
          {nav && nav.total > 0 && (
            <div class="bl-nav" role="group" aria-label={t(lang, 'findings')}>
              <button type="button" data-nav="previous" onClick={nav.previous} title={t(lang, 'previousKey')}>
                ‹ {t(lang, 'previous')}
              </button>
              <span class="bl-note" data-nav-position="">
                {nav.position === null ? `– / ${nav.total}` : `${nav.position + 1} / ${nav.total}`}
              </span>
              <button type="button" data-nav="next" onClick={nav.next} title={t(lang, 'nextKey')}>
                {t(lang, 'next')} ›
              </button>
            </div>
          )}
          {p.actions}
        </div>
      )}
      {!collapsed && (
        <div class="bl-body">
          {p.error && (
            <p class="bl-err">
              {t(lang, 'failed')}
              {p.error}
            </p>
          )}
          {!r && !p.error && <p class="bl-note">{p.progress ? t(lang, 'readingPage', p.progress) : t(lang, 'analysing')}</p>}
          {r && <Results {...p} report={r} />}
          {p.failures?.map((f) => (
            <p class="bl-err" key={f.rule}>
              {t(lang, 'ruleFailed', { rule: f.rule })}
              {f.message}
            </p>
          ))}
          {nav && nav.total > 0 && <p class="bl-note bl-keys">{t(lang, 'keysHint')}</p>}
        </div>
      )}
    </div>
  );
}

function Results(p: PanelProps & { report: Report }) {
  const { report: r, lang } = p;
  if (!r.isBudget) {
    return (
      <>
        <p class="bl-note">{r.warnings.some((w) => w.code === 'no-text-layer') ? t(lang, 'unreadable') : t(lang, 'notBudget')}</p>
        <FindingList {...p} />
      </>
    );
  }
  return (
    <>
      <div class="bl-meta">
        <strong>{r.organization ?? '—'}</strong>
        {t(lang, `kind_${r.kind}`)}
        {r.year ? ` · ${r.year}` : ''}
        {r.unit ? ` · ${t(lang, 'unit')}：${r.unit}` : ''}
        {r.pages ? ` · ${r.pages} ${t(lang, 'pages')}` : ''}
      </div>
      {p.partial && (
        <p class="bl-note" data-partial={p.partial.through}>
          {t(lang, 'soFar', { page: p.partial.through, pages: p.partial.pages })}
        </p>
      )}
      {r.warnings.map((w, i) => (
        <p class="bl-note" key={i}>
          ⚠ {w.message}
        </p>
      ))}
      <p class="bl-summary" data-summary="">
        <span class="bl-sev error">
          {t(lang, 'error')} {r.counts.error}
        </span>
        <span class="bl-sev warning">
          {t(lang, 'warning')} {r.counts.warning}
        </span>
        <span class="bl-sev info">
          {t(lang, 'info')} {r.counts.info}
        </span>
        <span class="bl-note">
          {t(lang, 'passed')} {r.counts.passed}
        </span>
      </p>
      <FindingList {...p} />
      <Figures lang={lang} title={t(lang, 'totals')} figures={r.keyFigures} />
      <section class="bl-section" aria-label={t(lang, 'charts')}>
        <Charts report={r} lang={lang} />
      </section>
      <Figures lang={lang} title={t(lang, 'threePublic')} figures={r.threePublic} />
      <Inventory {...p} />
      <Glossary {...p} />
    </>
  );
}

/** Named figures with their values as printed (key figures, the 三公 parts). */
function Figures(p: { lang: Lang; title: string; figures: Report['keyFigures'] }) {
  if (!p.figures.length) return null;
  return (
    <section class="bl-section" aria-label={p.title}>
      <h3>{p.title}</h3>
      <div class="bl-figs">
        {p.figures.map((k) => (
          <>
            <Term lang={p.lang} text={k.name} shown={p.lang === 'zh' ? k.name : k.en} source={k.source} />
            <span class="v">
              {k.value} {k.unit}
            </span>
          </>
        ))}
      </div>
    </section>
  );
}

/** A figure's name, dotted-underlined when the glossary explains it (the explanation shows on hover). */
function Term(p: { lang: Lang; text: string; shown: string; source?: string }) {
  const term = termFor(p.text);
  const title = [term ? (p.lang === 'zh' ? term.explain.zh : term.explain.en) : '', p.source ? `（${p.source}）` : ''].filter(Boolean).join(' ');
  return (
    <span class={`n${term ? ' bl-term-word' : ''}`} title={title}>
      {p.shown}
    </span>
  );
}

/** The 名词解释 terms this document uses, and what its classification codes mean. */
function Glossary(p: PanelProps & { report: Report }) {
  const { report: r, lang } = p;
  const text = [...r.keyFigures.map((k) => k.name), ...r.tables.map((t) => t.title), ...r.inventory.map((e) => e.title), ...r.findings.map((f) => f.message)].join(' ');
  const terms = termsIn(text);
  const classes = r.byFunction.map((k) => k.name.match(/^(\d{3})/)?.[1]).filter((c): c is string => !!c);
  if (!terms.length && !classes.length) return null;
  return (
    <details class="bl-section bl-group">
      <summary>{t(lang, 'glossary')}</summary>
      <dl class="bl-glossary">
        {terms.map((term) => (
          <>
            <dt>
              {term.zh}
              {lang === 'en' ? ` · ${term.en}` : ''}
            </dt>
            <dd>{lang === 'zh' ? term.explain.zh : term.explain.en}</dd>
          </>
        ))}
        {classes.length > 0 && (
          <>
            <dt>{t(lang, 'codes')}</dt>
            <dd>
              {t(lang, 'codesExplain')}
              <ul>
                {classes.map((c) => (
                  <li key={c}>
                    {c} {explainCode(c)?.levels[0]?.name}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </details>
  );
}

function FindingList(p: PanelProps & { report: Report }) {
  const { report: r, lang } = p;
  const indexed = r.findings.map((f, i) => ({ f, i }));
  return (
    <section class="bl-section" aria-label={t(lang, 'findings')}>
      <h3>
        {t(lang, 'findings')} {r.findings.length}
      </h3>
      {r.findings.length === 0 && <p class="bl-note">{verdict(r).complete ? t(lang, 'noFindings') : `${verdict(r)[lang]}${lang === 'zh' ? '。' : '.'}`}</p>}
      {SEVERITIES.map((sev) => {
        const list = indexed.filter((x) => x.f.severity === sev);
        if (!list.length) return null;
        const rules = [...new Set(list.map((x) => x.f.rule))];
        return (
          <details class="bl-group" open={sev !== 'info'} key={sev} data-severity={sev}>
            <summary>
              <span class={`bl-sev ${sev}`}>{t(lang, sev)}</span> {list.length}
            </summary>
            {rules.map((rule) => {
              const items = list.filter((x) => x.f.rule === rule);
              // Errors and warnings are headed by what is wrong (the exported problem heading), notes by the check.
              const r = ruleById(rule);
              const title = (sev === 'info' ? r?.title : r?.problem) ?? items[0]!.f.ruleTitle;
              return (
                <div key={rule}>
                  <div class="bl-note">
                    {rule} {lang === 'zh' ? title.zh : title.en}
                  </div>
                  {items.map(({ f, i }) => (
                    <button type="button" class={`bl-finding ${sev}${p.nav?.current === i ? ' bl-current' : ''}`} key={i} data-finding={i} aria-current={p.nav?.current === i ? 'true' : undefined} onClick={() => p.onSelect?.(i)} title={p.placed && !p.placed.has(i) ? t(lang, 'noPlace') : t(lang, 'showOnPage')}>
                      <span class="m">{lang === 'zh' ? f.message : f.messageEn}</span>
                      {f.page !== undefined && <span class="r">{t(lang, 'page', { n: f.page })}</span>}
                    </button>
                  ))}
                </div>
              );
            })}
          </details>
        );
      })}
    </section>
  );
}

function Inventory(p: PanelProps & { report: Report }) {
  const { report: r, lang } = p;
  if (!r.inventory.length) return null;
  const missing = r.inventory.filter((e) => !e.present).length;
  return (
    <details class="bl-section bl-group" open={missing > 0}>
      <summary>
        {t(lang, 'tables')} {r.inventory.length - missing}/{r.inventory.length}
        {missing > 0 && (
          <span class="bl-note">
            {' '}
            · {t(lang, 'missing')} {missing}
          </span>
        )}
      </summary>
      <ul class="bl-inv">
        {r.inventory.map((e, i) => (
          <li key={i}>
            <span class={e.present ? 'ok' : 'no'} aria-label={e.present ? t(lang, 'present') : t(lang, 'missing')}>
              {e.present ? '✓' : '✗'}
            </span>
            <span>
              {e.number ? `${e.number}. ` : ''}
              {e.title}
              {e.page !== undefined && <span class="bl-note"> {t(lang, 'page', { n: e.page })}</span>}
              {e.present && !e.listed && r.inventory.some((x) => x.listed) && <span class="bl-note"> · {t(lang, 'notListed')}</span>}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
