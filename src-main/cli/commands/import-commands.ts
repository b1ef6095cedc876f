import type { CliCommand } from '../command';
import { importCommand } from './import';
import { infoCommand } from './info';
import { rowsCommand } from './rows';

/** CLI commands of the import domain, one module per command in this folder. */
export const importCommands: CliCommand[] = [importCommand, infoCommand, rowsCommand];
