import { describe, expect, it } from 'vitest';
import { staleCheck, staleReason } from '../../../src-main/core/checks/stale';
import { ctx, run, TODAY } from './helpers';

describe('stale data check', () => {
  it('does nothing without a configured rule', () => {
    expect(run(staleCheck, { REMARK: 'inactive' })).toEqual([]);
  });

  it('marks rows whose activity date is older than N years as removal candidates', () => {
    const c = ctx({ 'checks.staleRules': { field: 'REMARK', olderThanYears: 5 } });
    const [f] = run(staleCheck, { REMARK: '12.03.2015' }, c);
    expect(f).toMatchObject({
      code: 'stale.candidate',
      severity: 'info',
      suggestion: { '@status': 'removed' },
    });
    expect(f!.confidence).toBeLessThanOrEqual(0.5);
    expect(run(staleCheck, { REMARK: '12.03.2024' }, c)).toEqual([]);
  });

  it('reads inactive flags ignoring case and accents', () => {
    const rule = { column: 'Statut', inactiveValues: ['Désactivé', 'inactive'] };
    expect(staleReason('DESACTIVE', rule, TODAY)).toBe('inactive');
    expect(staleReason('actif', rule, TODAY)).toBeUndefined();
  });

  it('uses the prepared index for rules on source columns', () => {
    const c = ctx(
      { 'checks.staleRules': [{ column: 'Last purchase', olderThanYears: 3 }] },
      { stale: { 1: 'Last purchase: 2010-01-01' } },
    );
    expect(run(staleCheck, {}, c)[0]?.params).toEqual({ evidence: 'Last purchase: 2010-01-01' });
    expect(run(staleCheck, {}, c, { id: 2 })).toEqual([]);
  });
});
