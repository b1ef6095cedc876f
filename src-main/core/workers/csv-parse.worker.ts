import { parentPort, workerData } from 'node:worker_threads';
import type { CsvParseRequest } from '../import/csv-parse-protocol';
import { serveCsvParse } from '../import/csv-parse-worker-body';

/** CSV parse worker: parses one file on its own core while the import job stores the rows. */
void serveCsvParse(parentPort!, workerData as CsvParseRequest);
