import { Metadata, type NumberType } from 'libphonenumber-js/max';

/**
 * The type of a parsed phone number, as `PhoneNumber.getType()` computes it, with the metadata's
 * patterns compiled once per numbering plan. libphonenumber builds a new RegExp from the pattern
 * text on every test (`matchesEntirely`), which made type detection a third of the phone check.
 * This is a line-by-line port of libphonenumber-js 1.13 `helpers/getNumberType.js` (v2 input);
 * `tests/unit/checks/phone-parse.test.ts` compares it with `getType()` — re-run it after an upgrade.
 */

/** The untyped part of libphonenumber's Metadata class this port reads (stable since 1.2.5). */
interface PlanType {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface PlanMetadata {
  selectNumberingPlan(countryOrCallingCode: string): void;
  nationalNumberPattern(): string;
  type(type: string): PlanType | undefined;
}

type KnownType = Exclude<NumberType, undefined>;

interface CompiledType {
  lengths: number[] | undefined;
  pattern: RegExp;
}

interface CompiledPlan {
  national: RegExp;
  /** Absent when the type has no pattern (isNumberTypeEqualTo is then false). */
  types: Map<KnownType, CompiledType>;
  /** MOBILE is missing or has the empty pattern: a fixed-line match is FIXED_LINE_OR_MOBILE. */
  mobileSameAsFixed: boolean;
}

const NON_FIXED_LINE_TYPES: readonly KnownType[] = [
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
];

const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);
const plans = new Map<string, CompiledPlan>();

function compilePlan(countryOrCallingCode: string): CompiledPlan {
  const metadata = new Metadata() as unknown as PlanMetadata;
  metadata.selectNumberingPlan(countryOrCallingCode);
  const types = new Map<KnownType, CompiledType>();
  for (const name of ['FIXED_LINE', ...NON_FIXED_LINE_TYPES] as KnownType[]) {
    const t = metadata.type(name);
    if (t?.pattern()) types.set(name, { lengths: t.possibleLengths(), pattern: whole(t.pattern()) });
  }
  const mobile = metadata.type('MOBILE');
  return {
    national: whole(metadata.nationalNumberPattern()),
    types,
    mobileSameAsFixed: !mobile || mobile.pattern() === '',
  };
}

function isType(plan: CompiledPlan, nationalNumber: string, type: KnownType): boolean {
  const t = plan.types.get(type);
  if (!t) return false;
  if (t.lengths && t.lengths.indexOf(nationalNumber.length) < 0) return false;
  return t.pattern.test(nationalNumber);
}

/** `getType()` of a parsed number: same inputs (country or calling code, national number), same answer. */
export function numberType(phone: {
  country?: string;
  countryCallingCode?: string;
  nationalNumber: string;
}): NumberType {
  const key = phone.country || phone.countryCallingCode;
  if (!key) return undefined;
  let plan = plans.get(key);
  if (!plan) plans.set(key, (plan = compilePlan(key)));
  const n = phone.nationalNumber || '';
  if (!plan.national.test(n)) return undefined;
  if (isType(plan, n, 'FIXED_LINE')) {
    if (plan.mobileSameAsFixed || isType(plan, n, 'MOBILE')) return 'FIXED_LINE_OR_MOBILE';
    return 'FIXED_LINE';
  }
  for (const type of NON_FIXED_LINE_TYPES) if (isType(plan, n, type)) return type;
  return undefined;
}
