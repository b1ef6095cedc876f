import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { namesCheck } from '../../../../src-main/core/checks/names';
import { kindCheck } from '../../../../src-main/core/checks/kind';
import { ctx, row } from '../address/fixtures';
import { sharedData } from '../../../helpers/shared-data';

// FEBRL 2 (synthetic Australian people, ../shared/data/febrl): 4,000 original records.
const FILE = sharedData('febrl/dataset2.csv');

function people(swap: boolean): Record<string, string>[] {
  return readFileSync(FILE, 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split(',').map((c) => c.trim()))
    .filter((c) => c[0]?.endsWith('-org') && c[1] && c[2])
    .map((c) => (swap ? { FIRSTNAME: c[2]!, LASTNAME: c[1]! } : { FIRSTNAME: c[1]!, LASTNAME: c[2]! }));
}

const codes = (rows: Record<string, string>[], code: string) =>
  rows.filter((data) =>
    [...namesCheck.run(row(data), ctx), ...kindCheck.run(row(data), ctx)].some((f) => f.code === code),
  ).length;

describe('names check on FEBRL people', () => {
  it('almost never calls correctly ordered names swapped (< 0.3 %)', () => {
    const rows = people(false);
    expect(rows.length).toBeGreaterThan(3000);
    expect(codes(rows, 'name.swapped') / rows.length).toBeLessThan(0.003);
    expect(codes(rows, 'kind.organisation-in-person-name')).toBe(0);
  });

  it('finds a share of the names that really are swapped', () => {
    const rows = people(true);
    // Measured 7.6 %: FEBRL's Australian names are often missing from the European first-name list.
    expect(codes(rows, 'name.swapped') / rows.length).toBeGreaterThan(0.05);
  });
});
