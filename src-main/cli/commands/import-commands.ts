import type { CliCommand } from '../command';

/** CLI commands of the import domain, one module per command in this folder. */
export const importCommands: CliCommand[] = [];
