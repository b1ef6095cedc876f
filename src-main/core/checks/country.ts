import { normalizeCountry } from '../../../shared/reference/countries';
import type { Check, Finding } from './check';
import { finding } from './finding';

/**
 * COUNTRY must be an ISO 3166-1 alpha-2 code (spec §3.5: `GB`, not `UK`). An empty cell is fine:
 * SecuTix then uses the institution's country.
 */
export const countryCheck: Check = {
  name: 'country',
  codes: ['country.not-iso', 'country.unknown'],
  run(contact) {
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
  },
};
