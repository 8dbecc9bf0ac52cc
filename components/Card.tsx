import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ExportFinding } from '../lib/report/schema';
import { ruleById } from '../lib/rules/registry';
import { t, type Lang } from './i18n';
import { placeCard, type Edges, type Placement } from './layout/card-place';

export interface CardProps {
  lang: Lang;
  findings: ExportFinding[];
  /** Viewport position to place the card near (the mark's rectangle). */
  near: { left: number; top: number; right: number; bottom: number };
  pinned: boolean;
  onClose: () => void;
  /** The free part of the viewport (without the docked panel and the viewer's toolbar). */
  area?: Edges;
  /** For a finding shown (by its position in `findings`): jump to its table cell, or back to its sentence. */
  jumps?: (shown: number) => { toCell?: () => void; toText?: () => void } | undefined;
}

/** The viewport, as the area a card may use. */
export function viewportArea(): Edges {
  return { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
}

/** Place an element beside a mark once its size is known (first drawn hidden, then moved). */
function usePlacement(near: Edges, area: Edges | undefined, deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<Placement | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.maxHeight = '';
    const box = el.getBoundingClientRect();
    setPlace(placeCard(near, { width: box.width, height: Math.min(box.height, window.innerHeight * 0.6) }, area ?? viewportArea()));
  }, [near.left, near.top, near.right, near.bottom, area?.left, area?.top, area?.right, area?.bottom, ...deps]);
  const style = place
    ? { top: `${place.top}px`, left: `${place.left}px`, ...(place.maxHeight !== undefined ? { maxHeight: `${place.maxHeight}px` } : {}) }
    : { top: '0px', left: '0px', visibility: 'hidden' as const };
  return { ref, style, side: place?.side };
}

const MAX = 3;

/** A viewport rectangle (left, top, width, height) as the edges a card is placed against. */
export function edges(r: { left: number; top: number; width: number; height: number }): CardProps['near'] {
  return { left: r.left, top: r.top, right: r.left + r.width, bottom: r.top + r.height };
}

/** The card over a highlighted cell or sentence: each finding's rule, explanation and numbers. */
export function Card(p: CardProps) {
  const { lang } = p;
  const shown = p.findings.slice(0, MAX);
  const { ref, style, side } = usePlacement(p.near, p.area, [p.findings.map((f) => f.rule + f.message).join('|'), lang]);
  return (
    <div ref={ref} class="bl-card" role="dialog" aria-label={t(lang, 'findings')} style={style} data-budget-lens-card="" data-side={side}>
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
            <Jumps lang={lang} jumps={p.jumps?.(i)} />
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

/** A narrative finding's links between the sentence and the table cell it is compared with. */
function Jumps(p: { lang: Lang; jumps: { toCell?: () => void; toText?: () => void } | undefined }) {
  const j = p.jumps;
  if (!j || (!j.toCell && !j.toText)) return null;
  return (
    <div class="bl-jumps">
      {j.toCell && (
        <button type="button" data-jump="cell" onClick={j.toCell}>
          → {t(p.lang, 'toCell')}
        </button>
      )}
      {j.toText && (
        <button type="button" data-jump="text" onClick={j.toText}>
          → {t(p.lang, 'toText')}
        </button>
      )}
    </div>
  );
}

/** The small card over a table title, a column header or a code: what it means. */
export function TermCard(p: { lang: Lang; title: { zh: string; en: string }; body: { zh: string; en: string }; near: CardProps['near']; area?: Edges }) {
  const w = Math.min(320, window.innerWidth - 16);
  const { ref, style } = usePlacement(p.near, p.area, [p.title.zh, p.lang]);
  return (
    <div ref={ref} class="bl-card bl-term" role="tooltip" style={{ ...style, width: `${w}px` }} data-budget-lens-term="">
      <div class="h">
        <span class="bl-sev info">{p.lang === 'zh' ? '名词' : 'Term'}</span>
        <b>{p.lang === 'zh' ? p.title.zh : p.title.en}</b>
      </div>
      {p.lang === 'zh' && <div class="en">{p.title.en}</div>}
      <p class="msg">{p.lang === 'zh' ? p.body.zh : p.body.en}</p>
    </div>
  );
}
