import { toCsv } from '../lib/report/csv';
import { toMarkdown } from '../lib/report/markdown';
import { Report } from '../lib/report/schema';
import { t, type Lang } from './i18n';
import { ownClick } from './trusted-events';

/** A file name from the report: 预算透镜-<organisation>-<year>.<ext>, safe on every system. */
export function exportName(r: Report, ext: string): string {
  const base = ['预算透镜', r.organization ?? r.source.split(/[\\/]/).pop()?.replace(/\.\w+$/, '') ?? 'report', r.year ?? ''].filter(Boolean).join('-');
  return `${base.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80)}.${ext}`;
}

/** Save text as a file: a blob link clicked inside our own UI (no download permission needed). */
export function download(container: Node, name: string, mime: string, text: string): void {
  const doc = container.ownerDocument ?? (container as Document);
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  container.appendChild(a);
  ownClick(a);
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function ExportButtons(p: { lang: Lang; report: Report; container: () => Node; onPrint: () => void }) {
  const { lang, report } = p;
  const save = (ext: string, mime: string, text: string) => download(p.container(), exportName(report, ext), mime, text);
  return (
    <div class="bl-actions" role="group" aria-label={t(lang, 'exports')}>
      <button type="button" data-export="json" onClick={() => save('json', 'application/json', JSON.stringify(Report.parse(report), null, 2))}>
        {t(lang, 'exportJson')}
      </button>
      <button type="button" data-export="csv" onClick={() => save('csv', 'text/csv;charset=utf-8', toCsv(report))}>
        {t(lang, 'exportCsv')}
      </button>
      <button type="button" data-export="md" onClick={() => save('md', 'text/markdown;charset=utf-8', toMarkdown(report, { generated: new Date().toLocaleString('zh-CN') }))}>
        {t(lang, 'exportMd')}
      </button>
      <button type="button" data-export="print" onClick={p.onPrint}>
        {t(lang, 'print')}
      </button>
    </div>
  );
}
