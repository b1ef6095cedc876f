import type { Finding } from './check';
import { pushFindingValues, type FindingEncoder } from './findings-store';

/**
 * `pushFindingValues` (findings-store.ts) for the phone check's findings, with params and
 * suggestion serialised by hand: `JSON.stringify` of these small objects was half of what a phone
 * finding cost the batch engine, and nearly every row has one (`phone.format`). It relies on what
 * the phone check puts in them: params `{value}`, `{value, region}` or `{value, e164, extension}`,
 * in that order; suggestions keyed by phone fields with null or an E.164 number. Only `value` can
 * need escaping: region (ISO letters), e164 (`+` and digits) and extension (digits) cannot.
 * `tests/unit/checks/phone-finding-values.test.ts` reads it back through the findings view and
 * compares with `pushFindingValues` (and with the `phone.format` FindingShape of phone.ts).
 */
export function pushPhoneFindingValues(out: unknown[], f: Finding): void {
  pushFindingValues(out, f, PHONE_FINDING_ENCODER);
}

function paramsJson(params: Finding['params']): string {
  let json = `{"value":${JSON.stringify(params.value)}`;
  if (params.region !== undefined) json += `,"region":"${params.region}"`;
  if (params.e164 !== undefined) json += `,"e164":"${params.e164}","extension":"${params.extension}"`;
  return `${json}}`;
}

function suggestionJson(suggestion: NonNullable<Finding['suggestion']>): string {
  let json = '';
  for (const field in suggestion) {
    const value = suggestion[field];
    json += `${json === '' ? '{' : ','}"${field}":${value === null ? 'null' : `"${value}"`}`;
  }
  return json === '' ? '{}' : `${json}}`;
}

export const PHONE_FINDING_ENCODER: FindingEncoder = { params: paramsJson, suggestion: suggestionJson };
