import { z } from 'zod';

/**
 * Messages between the parts of the extension (content script, background, popup, viewer). Every receiver
 * parses what it gets with these schemas; anything else is ignored.
 */
export const TabState = z.object({
  /** idle: detection said no; loading: analysis running; ready: done; error: analysis failed. */
  state: z.enum(['idle', 'loading', 'ready', 'error']),
  detected: z.boolean(),
  isBudget: z.boolean().optional(),
  findings: z.number().int().nonnegative().optional(),
  errors: z.number().int().nonnegative().optional(),
  warnings: z.number().int().nonnegative().optional(),
  /** Budget PDFs linked from the page. */
  pdfLinks: z.number().int().nonnegative().optional(),
  /** Whose disclosure it is, and its year, as the document prints them (shown in the popup). */
  organization: z.string().max(200).optional(),
  year: z.string().max(20).optional(),
});
export type TabState = z.infer<typeof TabState>;

const Message = z.discriminatedUnion('type', [
  /** popup → content: what is the state of this page? (answered with TabState) */
  z.object({ type: z.literal('bl:status') }),
  /** popup → content: analyse this page even though detection said no. */
  z.object({ type: z.literal('bl:analyse') }),
  /** popup → content: open (expand) the panel on this page. */
  z.object({ type: z.literal('bl:show-panel') }),
  /** popup → viewer: open the panel of the viewer in this tab (extension pages get no tab messages). */
  z.object({ type: z.literal('bl:show-viewer-panel'), tabId: z.number().int() }),
  /** content, viewer → background: the page's state changed (for the toolbar badge and the popup). */
  z.object({ type: z.literal('bl:state'), state: TabState }),
  /** content → background: open this PDF in the viewer, in a new tab beside the page. */
  z.object({ type: z.literal('bl:open-pdf'), url: z.string().url() }),
  /** viewer → background: show the original file in this tab, without interception. */
  z.object({ type: z.literal('bl:open-original'), url: z.string().url() }),
  /** viewer, options → background: turn PDF interception on or off. */
  z.object({ type: z.literal('bl:intercept'), on: z.boolean() }),
  /** content → background: open the printable report stored under this key. */
  z.object({ type: z.literal('bl:open-report'), key: z.string().startsWith('print:') }),
  /** popup → background: the last state a tab's content script reported. */
  z.object({ type: z.literal('bl:tab-state'), tabId: z.number().int() }),
  /** viewer → background: may I read this file? (the one-time token the extension put in my address) */
  z.object({ type: z.literal('bl:claim'), file: z.string().max(8192), token: z.string().max(128) }),
  /** popup → background: open this tab's PDF in the viewer (by address, or the PDF its Content-Type named). */
  z.object({ type: z.literal('bl:view-tab'), tabId: z.number().int() }),
  /** popup → background: a PDF recognised by its Content-Type in this tab, if any (GET responses only). */
  z.object({ type: z.literal('bl:tab-pdf'), tabId: z.number().int() }),
]);
type Message = z.infer<typeof Message>;

export function parseMessage(raw: unknown): Message | undefined {
  const r = Message.safeParse(raw);
  return r.success ? r.data : undefined;
}

/** The viewer's address for a PDF: the URL is carried raw after `?file=` (a redirect rule cannot encode it). */
export function viewerFileParam(search: string): string | undefined {
  const i = search.indexOf('file=');
  if (i < 0) return undefined;
  const raw = search.slice(i + 'file='.length);
  // Our own links encode the URL; a redirect rule's \0 substitution does not.
  if (!/^[a-z]+%3A/i.test(raw)) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** The one-time token in the viewer's address (`?t=…&file=…`, always before `file=`). */
export function viewerTokenParam(search: string): string {
  const head = search.slice(0, Math.max(0, search.indexOf('file=')));
  return /[?&]t=([0-9a-f]{16,64})(?:&|$)/.exec(head)?.[1] ?? '';
}
