import type { CliCommand } from '../command';
import { exportCommand } from './export';
import { validateCommand } from './validate';

/** CLI commands of the export domain, one module per command in this folder. */
export const exportCommands: CliCommand[] = [exportCommand, validateCommand];
