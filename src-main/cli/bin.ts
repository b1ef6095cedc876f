// Process entry of the CLI (bundled to dist/cli/main.mjs). Importing main.ts alone runs nothing.
import { main } from './main';

main().catch((e: unknown) => {
  process.stderr.write(`contact-prep: internal error — ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 2;
});
