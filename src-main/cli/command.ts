import type { ParseArgsConfig } from 'node:util';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** What a command's run() receives. Output goes through out/err so tests can capture it. */
export interface CommandContext {
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
  out: (text: string) => void;
  err: (text: string) => void;
  /** Aborted on Ctrl-C: jobs cancel and roll back. */
  signal: AbortSignal;
  /** True when stderr is a terminal (progress bar allowed). */
  interactive: boolean;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  options: OptionsConfig;
  /** Returns the exit code (0 when omitted). Throw AppError for user errors (exit 1). */
  run(ctx: CommandContext): Promise<number | void>;
}

/** Reads a required string option or throws a usage error naming it. */
export function requireOption(ctx: CommandContext, name: string): string {
  const v = ctx.values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`Missing required option --${name}.`);
  return v;
}

export function optionalInt(ctx: CommandContext, name: string): number | undefined {
  const v = ctx.values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < 0)
    throw new UsageError(`--${name} must be a non-negative integer, got "${String(v)}".`);
  return n;
}

export class UsageError extends Error {}
