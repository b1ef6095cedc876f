import type { CliCommand } from '../command';
import { checkCommand } from './check';
import { findingsCommand } from './findings';
import { fixCommand } from './fix';
import { historyCommand } from './history';
import { redoCommand } from './redo';
import { undoCommand } from './undo';

/** CLI commands of the checks domain, one module per command in this folder. */
export const checksCommands: CliCommand[] = [
  checkCommand,
  findingsCommand,
  fixCommand,
  undoCommand,
  redoCommand,
  historyCommand,
];
