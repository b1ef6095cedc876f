import type { CliCommand } from '../command';

/** CLI commands of the export domain, one module per command in this folder. */
export const exportCommands: CliCommand[] = [];
