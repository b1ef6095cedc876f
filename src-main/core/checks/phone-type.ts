import type { NumberType } from 'libphonenumber-js/max';
import { NON_FIXED_LINE_TYPES, planOf, type CompiledPlan, type KnownType } from './phone-plan';

/**
 * The type of a parsed phone number, as `PhoneNumber.getType()` computes it, with the metadata's
 * patterns compiled once per numbering plan (`phone-plan.ts`). This is a line-by-line port of
 * libphonenumber-js 1.13 `helpers/getNumberType.js`; `tests/unit/checks/phone-parse.test.ts`
 * compares it with `getType()` — re-run it after an upgrade.
 */

function isType(plan: CompiledPlan, nationalNumber: string, type: KnownType): boolean {
  const t = plan.types.get(type);
  if (!t) return false;
  if (t.lengths && t.lengths.indexOf(nationalNumber.length) < 0) return false;
  return t.pattern.test(nationalNumber);
}

/** `getNumberType()` of a national number in a compiled plan. */
export function typeInPlan(plan: CompiledPlan, nationalNumber: string): NumberType {
  const n = nationalNumber;
  if (!plan.national.test(n)) return undefined;
  if (isType(plan, n, 'FIXED_LINE')) {
    if (plan.mobileSameAsFixed || isType(plan, n, 'MOBILE')) return 'FIXED_LINE_OR_MOBILE';
    return 'FIXED_LINE';
  }
  for (const type of NON_FIXED_LINE_TYPES) if (isType(plan, n, type)) return type;
  return undefined;
}

/** `getType()` of a parsed number: same inputs (country or calling code, national number), same answer. */
export function numberType(phone: {
  country?: string;
  countryCallingCode?: string;
  nationalNumber: string;
}): NumberType {
  const key = phone.country || phone.countryCallingCode;
  if (!key) return undefined;
  return typeInPlan(planOf(key), phone.nationalNumber || '');
}
