import type { MessagePort } from 'node:worker_threads';
import { basename } from 'node:path';
import { AppError, toAppErrorData } from '../../../shared/errors';
import {
  MAX_BATCHES_IN_FLIGHT,
  ROWS_PER_BATCH,
  type CsvParseMessage,
  type CsvParseRequest,
} from './csv-parse-protocol';
import { readCsv } from './csv-reader';
import { RowShaper, type RowSink } from './row-shaper';
import { TableAssembler } from './table-assembler';

/** Runs in the CSV parse worker: the whole read → rows pipeline, rows posted in batches. */
export async function serveCsvParse(port: MessagePort, request: CsvParseRequest): Promise<void> {
  const post = (m: CsvParseMessage) => port.postMessage(m);
  let inFlight = 0;
  let wake: (() => void) | null = null;
  port.on('message', (m: { type: string }) => {
    if (m.type === 'ack') {
      inFlight--;
      wake?.();
    }
  });
  let batch: Array<number | string | null> = [];
  let bytes = 0;
  const flush = () => {
    if (batch.length === 0) return;
    post({ type: 'rows', data: batch, bytes });
    batch = [];
    inFlight++;
  };
  const sink: RowSink = {
    start: (headerRow) => post({ type: 'start', headerRow }),
    insert(rowNumber, json, flags) {
      batch.push(rowNumber, json, flags);
      if (batch.length >= ROWS_PER_BATCH * 3) flush();
    },
  };
  try {
    const fileName = basename(request.path);
    const shaper = new RowShaper(sink, 'csv');
    const table = new TableAssembler(shaper, request.headerRow, fileName);
    const read = await readCsv(
      request.path,
      request.plan,
      (row, cells, json) => table.push(row, cells, json),
      async (n) => {
        bytes = n;
        while (inFlight >= MAX_BATCHES_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
      },
    );
    if (!table.end()) {
      throw new AppError('import.no-data', `${fileName} contains no rows (only blank lines).`, {
        path: request.path,
      });
    }
    for (const p of read.problems) shaper.warn(p.row, p.code, p.message);
    flush();
    post({ type: 'done', table: shaper.result(), size: read.size, sha256: read.sha256 });
  } catch (e) {
    post({ type: 'error', error: toAppErrorData(e) });
  } finally {
    port.close();
  }
}
