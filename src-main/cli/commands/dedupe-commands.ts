import type { CliCommand } from '../command';

/** CLI commands of the dedupe domain, one module per command in this folder. */
export const dedupeCommands: CliCommand[] = [];
