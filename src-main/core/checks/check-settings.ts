import { AppError } from '../../../shared/errors';
import { isCountryCode } from '../../../shared/reference/countries';
import type { Workspace } from '../db/workspace';
import { DEFAULT_COUNTRY_SETTING } from './phone';
import { STALE_RULES_SETTING, type StaleRule } from './stale';

/** The settings of the checks themselves (reserved number ranges belong to src-main/core/numbers). */
export interface ChecksSettings {
  /** Region for phone numbers of rows without a readable COUNTRY (default CH). */
  defaultCountry: string;
  staleRules: StaleRule[];
}

export function getChecksSettings(ws: Workspace): ChecksSettings {
  const stale = ws.getSetting<StaleRule | StaleRule[]>(STALE_RULES_SETTING);
  return {
    defaultCountry: ws.getSetting<string>(DEFAULT_COUNTRY_SETTING) ?? 'CH',
    staleRules: !stale ? [] : Array.isArray(stale) ? stale : [stale],
  };
}

/** Validates and stores the given settings; the next run or re-check uses them. */
export function setChecksSettings(ws: Workspace, patch: Partial<ChecksSettings>): ChecksSettings {
  if (patch.defaultCountry !== undefined) {
    const c = patch.defaultCountry.toUpperCase();
    if (!isCountryCode(c))
      throw new AppError(
        'checks.bad-country',
        `"${patch.defaultCountry}" is not an ISO country code (CH, FR, DE…).`,
      );
    ws.setSetting(DEFAULT_COUNTRY_SETTING, c);
  }
  if (patch.staleRules !== undefined) {
    for (const r of patch.staleRules) {
      if (!r.column === !r.field)
        throw new AppError(
          'checks.bad-stale-rule',
          'A stale-data rule reads either a source column or a field.',
        );
      if (r.olderThanYears === undefined && !r.inactiveValues?.length)
        throw new AppError(
          'checks.bad-stale-rule',
          'A stale-data rule needs an age in years or inactive values.',
        );
      if (r.olderThanYears !== undefined && !(r.olderThanYears > 0))
        throw new AppError(
          'checks.bad-stale-rule',
          'The age of a stale-data rule must be a positive number of years.',
        );
    }
    ws.setSetting(STALE_RULES_SETTING, patch.staleRules);
  }
  return getChecksSettings(ws);
}
