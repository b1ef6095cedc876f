import type { CliCommand } from '../command';

/**
 * Every CLI command, one module each. Keep this list sorted by workflow:
 * import → map → check → dedupe → export.
 */
export const commands: CliCommand[] = [];
