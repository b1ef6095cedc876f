import { z } from 'zod';
import type { HistoryChange, HistoryOpSummary } from '../domain';

export const historyArgs = {
  'history.list': z.object({
    limit: z.number().int().positive().max(1000).default(100),
    offset: z.number().int().min(0).default(0),
  }),
  'history.changes': z.object({ opId: z.number().int().positive() }),
  'history.undo': z.object({}),
  'history.redo': z.object({}),
};

export interface HistoryResults {
  'history.list': HistoryOpSummary[];
  'history.changes': HistoryChange[];
  'history.undo': { op: HistoryOpSummary | null };
  'history.redo': { op: HistoryOpSummary | null };
}
