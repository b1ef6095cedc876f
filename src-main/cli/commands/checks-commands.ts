import type { CliCommand } from '../command';
import { checkCommand } from './check';

/** CLI commands of the checks domain, one module per command in this folder. */
export const checksCommands: CliCommand[] = [checkCommand];
