import { AppError } from '../../../shared/errors';
import type { Check, CheckResources } from './check';
import { contactNumbersCheck } from './contact-numbers';
import { countryCheck } from './country';
import { datesCheck } from './dates';
import { emailCheck } from './email';
import { encodingCheck } from './encoding';
import { fieldRulesCheck } from './field-rules';
import { phoneCheck } from './phone';
import { staleCheck } from './stale';
import { postcodeCheck } from './postcode';
import { townCheck } from './town';
import { streetCheck } from './street';
import { namesCheck } from './names';
import { titleCheck } from './title';
import { kindCheck } from './kind';

/**
 * Every check the engine runs, in display order. Adding a check = one file + one line here + tests.
 * Worker threads import this module too, so keep check modules free of side effects at import.
 */
export const ALL_CHECKS: readonly Check[] = [
  encodingCheck,
  countryCheck,
  postcodeCheck,
  townCheck,
  streetCheck,
  namesCheck,
  titleCheck,
  kindCheck,
  phoneCheck,
  emailCheck,
  datesCheck,
  contactNumbersCheck,
  staleCheck,
  fieldRulesCheck,
];

/** The checks to run: all, or the named subset (unknown names are a user error). */
export function selectChecks(names?: readonly string[]): Check[] {
  if (!names || names.length === 0) return [...ALL_CHECKS];
  const out: Check[] = [];
  for (const n of names) {
    const c = ALL_CHECKS.find((x) => x.name === n);
    if (!c)
      throw new AppError(
        'checks.unknown-check',
        `Unknown check "${n}". Known: ${ALL_CHECKS.map((x) => x.name).join(', ')}.`,
        {
          name: n,
        },
      );
    out.push(c);
  }
  return out;
}

/** Every finding code of every check (for the UI's facets and the CLI's help). */
export function allCodes(): string[] {
  return ALL_CHECKS.flatMap((c) => c.codes);
}

/** The check that emits a code (codes are `<check>.<what>` by convention, but ask the check). */
export function checkOfCode(code: string): Check | undefined {
  return ALL_CHECKS.find((c) => c.codes.includes(code));
}

const loaded = new Map<string, unknown>();

/** Reference data of the given checks, loaded once per process/worker and then reused. */
export function loadResources(checks: readonly Check[]): CheckResources {
  const out: CheckResources = {};
  for (const c of checks) {
    if (!c.load) continue;
    if (!loaded.has(c.name)) loaded.set(c.name, c.load());
    out[c.name] = loaded.get(c.name);
  }
  return out;
}
