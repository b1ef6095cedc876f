import { runCli } from '../../../src-main/cli/main';

/** Runs the CLI in-process and captures its output. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    interactive: false,
    signal: new AbortController().signal,
  });
  return { code, out, err };
}
