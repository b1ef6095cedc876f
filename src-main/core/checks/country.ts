import { normalizeCountry } from '../../../shared/reference/countries';
import type { Contact } from '../../../shared/domain';
import type { Check, Finding } from './check';
import { finding } from './finding';
import { memoByFields } from './memo';

// Pure in COUNTRY: files hold a few dozen distinct values, each checked once.
const countryMemo = memoByFields(['COUNTRY'], checkCountry);

/**
 * COUNTRY must be an ISO 3166-1 alpha-2 code (spec §3.5: `GB`, not `UK`). An empty cell is fine:
 * SecuTix then uses the institution's country.
 */
export const countryCheck: Check = {
  name: 'country',
  codes: ['country.not-iso', 'country.unknown'],
  run: countryMemo,
  pushValues: countryMemo.pushValues,
};

function checkCountry(contact: Contact): Finding[] {
  const value = contact.data.COUNTRY;
  if (value === undefined) return [];
  const out: Finding[] = [];
  const match = normalizeCountry(value);
  if (!match) {
    out.push(
      finding(
        contact,
        'COUNTRY',
        'country.unknown',
        'error',
        'Unknown country "{value}": SecuTix needs an ISO code such as CH, FR, DE.',
        {
          value,
        },
      ),
    );
  } else if (match.code !== value) {
    out.push(
      finding(
        contact,
        'COUNTRY',
        'country.not-iso',
        match.confidence >= 0.8 ? 'warning' : 'error',
        'Country "{value}" should be the ISO code {code}.',
        { value, code: match.code },
        { COUNTRY: match.code },
        match.confidence,
      ),
    );
  }
  return out;
}
