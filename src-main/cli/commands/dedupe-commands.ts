import type { CliCommand } from '../command';
import { clustersCommand } from './clusters';
import { dedupeCommand } from './dedupe';
import { notDuplicateCommand } from './not-duplicate';

/** CLI commands of the dedupe domain, one module per command in this folder. */
export const dedupeCommands: CliCommand[] = [dedupeCommand, clustersCommand, notDuplicateCommand];
