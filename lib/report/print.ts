import { z } from 'zod';
import { Report } from './schema';
import { TableSnapshot } from './snapshot';

/** What the printable report page receives (through extension storage): the report and table thumbnails. */
export const PrintPayload = z.object({
  report: Report,
  snapshots: z.array(TableSnapshot),
  /** When and where: "2026-11-21 10:30 · https://…". */
  generated: z.string(),
});
export type PrintPayload = z.infer<typeof PrintPayload>;

export const PRINT_KEY_PREFIX = 'print:';
