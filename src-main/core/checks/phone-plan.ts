import { Metadata, type NumberType } from 'libphonenumber-js/max';

/**
 * libphonenumber-js's numbering plans (metadata.max) with their patterns compiled once. The library
 * builds a new RegExp from the pattern text on every test (`matchesEntirely`, `stripIddPrefix`,
 * national prefix extraction), which made it most of the phone check's cost. Everything here is
 * read through libphonenumber's own `Metadata` accessors, so a library upgrade brings its data.
 */

/** The untyped part of libphonenumber's Metadata class read here (stable since 1.2.5). */
interface PlanType {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface NumberingPlan {
  callingCode(): string;
  IDDPrefix(): string | undefined;
  nationalNumberPattern(): string;
  possibleLengths(): number[] | undefined;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  leadingDigits(): string | undefined;
  hasTypes(): boolean;
  type(type: string): PlanType | undefined;
}
interface MetadataApi {
  numberingPlan: NumberingPlan;
  selectNumberingPlan(countryOrCallingCode: string): void;
  hasCallingCode(callingCode: string): boolean | undefined;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
}

export type KnownType = Exclude<NumberType, undefined>;

export interface CompiledType {
  lengths: number[] | undefined;
  pattern: RegExp;
}

export interface CompiledPlan {
  callingCode: string;
  /** `^(?:IDD prefix)`: an anchored exec finds the same prefix as the library's `search() === 0`. */
  idd: RegExp | undefined;
  /** The national (significant) number pattern, matched entirely. */
  national: RegExp;
  possibleLengths: number[] | undefined;
  /** `^(?:national prefix for parsing)` (falls back to the national prefix, as the library does). */
  prefixForParsing: RegExp | undefined;
  prefixTransformRule: string | undefined;
  /** Tells countries sharing a calling code apart (used with `search() === 0`, as the library does). */
  leadingDigits: RegExp | undefined;
  hasTypes: boolean;
  /** The countries sharing this plan's calling code (undefined for non-geographic codes). */
  countries: string[] | undefined;
  fixedLine: CompiledType | undefined;
  mobile: CompiledType | undefined;
  /** The other types that have a pattern, in getNumberType's order (a type without one never matches). */
  nonFixedLine: Array<[KnownType, CompiledType]>;
  /** MOBILE is missing or has the empty pattern: a fixed-line match is FIXED_LINE_OR_MOBILE. */
  mobileSameAsFixed: boolean;
}

export const NON_FIXED_LINE_TYPES: readonly KnownType[] = [
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

const metadata = new Metadata() as unknown as MetadataApi;
const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);
const leading = (pattern: string | undefined) => (pattern ? new RegExp(`^(?:${pattern})`) : undefined);

function compilePlan(countryOrCallingCode: string): CompiledPlan {
  metadata.selectNumberingPlan(countryOrCallingCode);
  const plan = metadata.numberingPlan;
  const compiled = (name: KnownType): CompiledType | undefined => {
    const t = plan.type(name);
    return t?.pattern() ? { lengths: t.possibleLengths(), pattern: whole(t.pattern()) } : undefined;
  };
  const nonFixedLine: Array<[KnownType, CompiledType]> = [];
  for (const name of NON_FIXED_LINE_TYPES) {
    const t = compiled(name);
    if (t) nonFixedLine.push([name, t]);
  }
  const mobile = plan.type('MOBILE');
  const leadingDigits = plan.leadingDigits();
  return {
    callingCode: plan.callingCode(),
    idd: leading(plan.IDDPrefix()),
    national: whole(plan.nationalNumberPattern()),
    possibleLengths: plan.possibleLengths(),
    prefixForParsing: leading(plan.nationalPrefixForParsing()),
    prefixTransformRule: plan.nationalPrefixTransformRule(),
    leadingDigits: leadingDigits ? new RegExp(leadingDigits) : undefined,
    hasTypes: plan.hasTypes(),
    countries: metadata.getCountryCodesForCallingCode(plan.callingCode()),
    fixedLine: compiled('FIXED_LINE'),
    mobile: compiled('MOBILE'),
    nonFixedLine,
    mobileSameAsFixed: !mobile || mobile.pattern() === '',
  };
}

const plans = new Map<string, CompiledPlan>();

/**
 * The numbering plan of a country (`CH`) or of a calling code (`41`: its main country's plan, or
 * the non-geographic plan of `800`…), as `Metadata.selectNumberingPlan` picks it.
 */
export function planOf(countryOrCallingCode: string): CompiledPlan {
  let plan = plans.get(countryOrCallingCode);
  if (!plan) plans.set(countryOrCallingCode, (plan = compilePlan(countryOrCallingCode)));
  return plan;
}

/** What the library knows of a calling code: whether it exists, and its countries (if geographic). */
export interface CallingCode {
  countries: string[] | undefined;
}

const callingCodes = new Map<string, CallingCode | null>();

/** `Metadata.hasCallingCode` + `getCountryCodesForCallingCode`, memoised (null: unknown code). */
export function callingCodeInfo(callingCode: string): CallingCode | null {
  let info = callingCodes.get(callingCode);
  if (info === undefined) {
    info = metadata.hasCallingCode(callingCode)
      ? { countries: metadata.getCountryCodesForCallingCode(callingCode) }
      : null;
    callingCodes.set(callingCode, info);
  }
  return info;
}
