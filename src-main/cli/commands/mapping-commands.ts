import type { CliCommand } from '../command';
import { mapCommand } from './map';
import { numbersCommand } from './numbers';
import { setRowsCommand } from './set-rows';

/** CLI commands of the mapping domain, one module per command in this folder. */
export const mappingCommands: CliCommand[] = [mapCommand, numbersCommand, setRowsCommand];
