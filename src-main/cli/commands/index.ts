import type { CliCommand } from '../command';
import { checksCommands } from './checks-commands';
import { dedupeCommands } from './dedupe-commands';
import { exportCommands } from './export-commands';
import { importCommands } from './import-commands';
import { mappingCommands } from './mapping-commands';
import { serveCommand } from './serve';

/** Every CLI command, grouped by workflow step: import → map → check → dedupe → export. */
export const commands: CliCommand[] = [
  ...importCommands,
  ...mappingCommands,
  ...checksCommands,
  ...dedupeCommands,
  ...exportCommands,
  serveCommand,
];
