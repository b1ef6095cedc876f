import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Check } from '../../../src-main/core/checks/check';
import { finding } from '../../../src-main/core/checks/finding';
import { checkContacts } from '../../../src-main/core/checks/raw-contact';
import {
  batchTimes,
  batchTimesAfterLoad,
  checkSlot,
  formatTimings,
  RunTimer,
  STAGE_SLOT,
} from '../../../src-main/core/checks/run-timings';
import { contact, ctx } from './helpers';

/** A clock the test moves by hand: performance.now() reads it. */
let clock = 0;
afterEach(() => vi.restoreAllMocks());
function useFakeClock(): void {
  clock = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => clock);
}

/** A check that "costs" `ms` per contact on the fake clock and flags every contact. */
function costly(name: string, ms: number): Check {
  return {
    name,
    codes: [`${name}.seen`],
    run(c) {
      clock += ms;
      return [finding(c, 'LASTNAME', `${name}.seen`, 'info', 'seen')];
    },
  };
}

describe('checks run timings', () => {
  it('charge each check the time spent in it, and the re-ordering to assemble', () => {
    useFakeClock();
    const checks = [costly('cheap', 1), costly('dear', 10)];
    const times = batchTimes(checks.length);
    const contacts = [1, 2, 3].map((id) => contact({ LASTNAME: `N${id}` }, { id }));
    const values = checkContacts(checks, contacts, ctx(), times);
    expect(values.length).toBe(6 * 4); // two findings per contact, FINDING_WIDTH values each
    expect(times[checkSlot(0)]).toBe(3);
    expect(times[checkSlot(1)]).toBe(30);
    expect(times[STAGE_SLOT.assemble]).toBe(0);
    expect(times[STAGE_SLOT.read]).toBe(0);
  });

  it('count a thread load time once, with its first batch', () => {
    const next = batchTimesAfterLoad(2, 250);
    const first = next();
    const second = next();
    expect(first[STAGE_SLOT.load]).toBe(250);
    expect(second[STAGE_SLOT.load]).toBe(0);
    expect(first.length).toBe(checkSlot(2));
  });

  it('add up over batches and the writing thread, per check name', () => {
    useFakeClock();
    const timer = new RunTimer(['country', 'phone']);
    for (const [read, country, phone] of [
      [5, 7, 40],
      [6, 8, 41],
    ]) {
      const t = batchTimes(2);
      t[STAGE_SLOT.read] = read!;
      t[checkSlot(0)] = country!;
      t[checkSlot(1)] = phone!;
      timer.addBatch(t);
    }
    const stored = timer.timeWriting('write', () => {
      clock += 12;
      return 'stored';
    });
    expect(stored).toBe('stored');
    timer.timeWriting('swap', () => (clock += 3));
    expect(() =>
      timer.timeWriting('write', () => {
        clock += 1;
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    const r = timer.result();
    expect(r.checking.read).toBe(11);
    expect(r.checks).toEqual({ country: 15, phone: 81 });
    expect(r.writing).toEqual({ write: 13, swap: 3 });
  });

  it('print largest first with shares, every check but only stages that took time', () => {
    const lines = formatTimings({
      checking: { load: 0, read: 100, parse: 50, assemble: 0, pack: 0 },
      checks: { phone: 250, country: 0 },
      writing: { write: 100, swap: 0 },
    });
    expect(lines.map((l) => l.trim().split(/\s{2,}/)[0])).toEqual([
      'check phone',
      'read',
      'write findings (writing thread)',
      'parse',
      'check country',
    ]);
    expect(lines[0]).toMatch(/250\.0 ms\s+50\.0 %$/);
    expect(new RunTimer(['x']).result().checks).toEqual({ x: 0 });
  });
});
