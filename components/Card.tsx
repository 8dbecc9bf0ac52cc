import type { ExportFinding } from '../lib/report/schema';
import { ruleById } from '../lib/rules/registry';
import { t, type Lang } from './i18n';

export interface CardProps {
  lang: Lang;
  findings: ExportFinding[];
  /** Viewport position to place the card near (the mark's rectangle). */
  near: { left: number; top: number; right: number; bottom: number };
  pinned: boolean;
  onClose: () => void;
}

const MAX = 3;

/** A viewport rectangle (left, top, width, height) as the edges a card is placed against. */
export function edges(r: { left: number; top: number; width: number; height: number }): CardProps['near'] {
  return { left: r.left, top: r.top, right: r.left + r.width, bottom: r.top + r.height };
}

/** The card over a highlighted cell or sentence: each finding's rule, explanation and numbers. */
export function Card(p: CardProps) {
  const { lang } = p;
  const w = Math.min(360, window.innerWidth - 16);
  // Below the mark when there is room, else above; never off screen.
  const below = p.near.bottom + 8;
  const top = below + 220 < window.innerHeight ? below : Math.max(8, p.near.top - 8 - Math.min(window.innerHeight * 0.6, 320));
  const left = Math.max(8, Math.min(window.innerWidth - w - 8, p.near.left));
  const shown = p.findings.slice(0, MAX);
  return (
    <div class="bl-card" role="dialog" aria-label={t(lang, 'findings')} style={{ top: `${top}px`, left: `${left}px` }} data-budget-lens-card="">
      {p.pinned && (
        <button type="button" class="x" aria-label={t(lang, 'close')} onClick={p.onClose}>
          ×
        </button>
      )}
      {shown.map((f, i) => {
        const rule = ruleById(f.rule);
        return (
          <div class="f" key={i}>
            <div class="h">
              <span class={`bl-sev ${f.severity}`}>{t(lang, `${f.severity}One`)}</span>
              <b>
                {f.rule} {f.ruleTitle.zh}
              </b>
            </div>
            <div class="en">{f.ruleTitle.en}</div>
            <p class="msg">{lang === 'zh' ? f.message : f.messageEn}</p>
            {(f.expected !== undefined || f.printed !== undefined) && (
              <table>
                <tbody>
                  {f.expected !== undefined && (
                    <tr>
                      <td>{t(lang, 'expected')}</td>
                      <td class="v">{f.expected}</td>
                    </tr>
                  )}
                  {f.printed !== undefined && (
                    <tr>
                      <td>{t(lang, 'printed')}</td>
                      <td class="v">{f.printed}</td>
                    </tr>
                  )}
                  {f.difference !== undefined && (
                    <tr>
                      <td>{t(lang, 'difference')}</td>
                      <td class="v">{f.difference}</td>
                    </tr>
                  )}
                </tbody>
              </table>
            )}
            {rule && (
              <details>
                <summary>{t(lang, 'why')}</summary>
                <p>{lang === 'zh' ? rule.explain.zh : rule.explain.en}</p>
                <p>
                  {t(lang, 'example')}：{lang === 'zh' ? rule.example.zh : rule.example.en}
                </p>
              </details>
            )}
          </div>
        );
      })}
      {p.findings.length > MAX && <p class="bl-note">{t(lang, 'more', { n: p.findings.length - MAX })}</p>}
    </div>
  );
}

/** The small card over a table title, a column header or a code: what it means. */
export function TermCard(p: { lang: Lang; title: { zh: string; en: string }; body: { zh: string; en: string }; near: CardProps['near'] }) {
  const w = Math.min(320, window.innerWidth - 16);
  const top = p.near.bottom + 6 + 140 < window.innerHeight ? p.near.bottom + 6 : Math.max(8, p.near.top - 150);
  const left = Math.max(8, Math.min(window.innerWidth - w - 8, p.near.left));
  return (
    <div class="bl-card bl-term" role="tooltip" style={{ top: `${top}px`, left: `${left}px`, width: `${w}px` }} data-budget-lens-term="">
      <div class="h">
        <span class="bl-sev info">{p.lang === 'zh' ? '名词' : 'Term'}</span>
        <b>{p.lang === 'zh' ? p.title.zh : p.title.en}</b>
      </div>
      {p.lang === 'zh' && <div class="en">{p.title.en}</div>}
      <p class="msg">{p.lang === 'zh' ? p.body.zh : p.body.en}</p>
    </div>
  );
}
