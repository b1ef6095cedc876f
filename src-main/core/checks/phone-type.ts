import type { NumberType } from 'libphonenumber-js/max';
import { planOf, type CompiledPlan, type CompiledType } from './phone-plan';

/**
 * The type of a parsed phone number, as `PhoneNumber.getType()` computes it, with the metadata's
 * patterns compiled once per numbering plan (`phone-plan.ts`). This is a line-by-line port of
 * libphonenumber-js 1.13 `helpers/getNumberType.js`; `tests/unit/checks/phone-parse.test.ts`
 * compares it with `getType()` — re-run it after an upgrade.
 */

/** isNumberTypeEqualTo for a type that has a pattern. */
function isType(t: CompiledType, nationalNumber: string): boolean {
  if (t.lengths && t.lengths.indexOf(nationalNumber.length) < 0) return false;
  return t.pattern.test(nationalNumber);
}

/** `getNumberType()` of a national number in a compiled plan. */
export function typeInPlan(plan: CompiledPlan, nationalNumber: string): NumberType {
  const n = nationalNumber;
  if (!plan.national.test(n)) return undefined;
  if (plan.fixedLine && isType(plan.fixedLine, n)) {
    if (plan.mobileSameAsFixed || (plan.mobile && isType(plan.mobile, n))) return 'FIXED_LINE_OR_MOBILE';
    return 'FIXED_LINE';
  }
  for (const [type, t] of plan.nonFixedLine) if (isType(t, n)) return type;
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
