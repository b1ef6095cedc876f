import type { CliCommand } from '../command';

/** CLI commands of the mapping domain, one module per command in this folder. */
export const mappingCommands: CliCommand[] = [];
