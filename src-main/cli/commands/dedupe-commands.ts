import type { CliCommand } from '../command';
import { clustersCommand } from './clusters';
import { dedupeCommand } from './dedupe';
import { matchExistingCommand } from './match-existing';
import { mergeCommand } from './merge';
import { notDuplicateCommand } from './not-duplicate';
import { searchCommand } from './search';

/** CLI commands of the dedupe domain, one module per command in this folder. */
export const dedupeCommands: CliCommand[] = [
  dedupeCommand,
  clustersCommand,
  notDuplicateCommand,
  mergeCommand,
  matchExistingCommand,
  searchCommand,
];
