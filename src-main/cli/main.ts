import { parseArgs } from 'node:util';
import { isAppError } from '../../shared/errors';
import { UsageError, type CliCommand, type CommandContext } from './command';
import { commands } from './commands';

/** Exit codes: 0 ok, 1 user/input error (clear message, no stack), 2 internal error. */
export const EXIT_OK = 0;
export const EXIT_USER = 1;
export const EXIT_INTERNAL = 2;

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'ContactPrep — clean contact spreadsheets into a SecuTix contact import file.',
    '',
    'Usage: contact-prep <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `contact-prep <command> --help` for the options of one command.',
  ].join('\n');
}

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  interactive: boolean;
  signal: AbortSignal;
}

/** Runs one CLI invocation and returns its exit code (never calls process.exit: testable). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText() + '\n');
    return name ? EXIT_OK : EXIT_USER;
  }
  const command: CliCommand | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`contact-prep: unknown command "${name}".\n\n${helpText()}\n`);
    return EXIT_USER;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}\n`);
    return EXIT_OK;
  }
  let ctx: CommandContext;
  try {
    const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    ctx = {
      values: parsed.values,
      positionals: parsed.positionals,
      out: io.out,
      err: io.err,
      signal: io.signal,
      interactive: io.interactive,
    };
  } catch (e) {
    io.err(`contact-prep ${name}: ${(e as Error).message}\nUsage: ${command.usage}\n`);
    return EXIT_USER;
  }
  try {
    return (await command.run(ctx)) ?? EXIT_OK;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`contact-prep ${name}: ${e.message}\nUsage: ${command.usage}\n`);
      return EXIT_USER;
    }
    if (isAppError(e) && e.kind !== 'internal') {
      io.err(`contact-prep ${name}: ${e.message}\n`);
      return EXIT_USER;
    }
    const detail = isAppError(e) ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e);
    io.err(`contact-prep ${name}: internal error — please report it.\n${detail}\n`);
    return EXIT_INTERNAL;
  }
}

/** The process entry (see bin.ts): wires Ctrl-C to cancel and sets the exit code. */
export async function main(): Promise<void> {
  const controller = new AbortController();
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(130);
    process.stderr.write('\nCancelling… (press Ctrl-C again to force quit)\n');
    controller.abort();
  });
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    interactive: Boolean(process.stderr.isTTY),
    signal: controller.signal,
  });
}
