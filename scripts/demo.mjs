// `npm run demo`: the app's main job on the shipped sample, end to end through the real CLI:
// import → map (auto) → check → dedupe → export → validate. Writes into ./demo-output/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}demo-output`;
const ws = `${out}/demo.cprep`;
const sample = process.argv[2] ?? `${root}resources/samples/customers-sample.csv`;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const steps = [
  ['import', sample, '--workspace', ws],
  ['map', '--workspace', ws, '--auto', '--show'],
  ['check', '--workspace', ws],
  // Apply the confident suggestions of a few safe rules (each is one undoable history step).
  ['fix', '--workspace', ws, '--code', 'town.contains-postcode', '--all'],
  ['fix', '--workspace', ws, '--code', 'encoding.mojibake', '--all'],
  ['fix', '--workspace', ws, '--code', 'email.typo-domain', '--all'],
  ['fix', '--workspace', ws, '--code', 'country.not-iso', '--all'],
  ['dedupe', '--workspace', ws],
  ['merge', '--workspace', ws, '--all-sure'],
  ['history', '--workspace', ws],
  // INSTITUTION and ORGANIZATION are mandatory on every row: SecuTix gives each customer its codes.
  ['export', '--workspace', ws, '--out', `${out}/secutix-contacts.xlsx`, '--report', `${out}/rejected-rows.xlsx`, '--institution', 'DEMO', '--organization', 'DEMO'],
  ['validate', `${out}/secutix-contacts.xlsx`],
];

for (const args of steps) {
  console.log(`\n$ contact-prep ${args.map((a) => a.replace(root, '')).join(' ')}`);
  const r = spawnSync(process.execPath, [`${root}bin/contact-prep.mjs`, ...args], { stdio: 'inherit' });
  // validate exits 1 when the file would be rejected: report it, but it is not a demo failure.
  if (r.status !== 0 && args[0] !== 'validate') {
    console.error(`\nDemo stopped: "contact-prep ${args[0]}" exited with ${r.status}.`);
    process.exit(r.status ?? 2);
  }
}
console.log(`\nDone. Workspace: demo-output/demo.cprep — SecuTix file: demo-output/secutix-contacts.xlsx — error report: demo-output/rejected-rows.xlsx`);
