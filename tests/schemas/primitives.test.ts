import { describe, expect, it } from 'vitest';
import { KINDS } from '../../schemas/kinds.ts';
import { boolean, money, timestamp } from '../../schemas/primitives.ts';

describe('money', () => {
  it('becomes integer minor units without float drift', () => {
    expect(money.parse('20000.00')).toBe(2_000_000);
    expect(money.parse('0.29')).toBe(29);
    expect(money.parse('1234,5')).toBe(123_450);
    expect(money.parse('-10.01')).toBe(-1001);
    expect(money.parse(19.99)).toBe(1999);
  });
  it('refuses more than two decimals and text', () => {
    expect(money.safeParse('1.005').success).toBe(false);
    expect(money.safeParse('12 EUR').success).toBe(false);
  });
});

describe('boolean', () => {
  it('reads true/false, 1/0, yes/no', () => {
    expect(['true', '1', 'yes', 'YES', true, 1].map((v) => boolean.parse(v))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['false', '0', 'no', false, 0].map((v) => boolean.parse(v))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(boolean.safeParse('maybe').success).toBe(false);
  });
});

describe('timestamp', () => {
  it('takes ISO 8601 with or without an offset, and bare dates', () => {
    for (const ok of [
      '2026-10-01T09:15:00+03:00',
      '2026-10-01 09:15',
      '2026-10-01T09:15:00.123Z',
      '2026-10-01',
    ]) {
      expect(timestamp.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['01.10.2026', '2026-10-01T9:15', 'now'])
      expect(timestamp.safeParse(bad).success, bad).toBe(false);
  });
});

describe('kinds', () => {
  it('an empty optional cell is null and an empty required one is an error', () => {
    const ok = KINDS.clients.schema.parse({ client_id: 'CL1', type: 'key', manager_id: '', name: '' });
    expect(ok).toMatchObject({ manager_id: null, name: null });
    const bad = KINDS.clients.schema.safeParse({ client_id: '', type: 'key' });
    expect(bad.success).toBe(false);
  });
  it('a decided claim needs its decision date', () => {
    const claim = {
      claim_id: 'K1',
      operator_id: 'OP-1',
      source: 'client',
      received_at: '2026-10-01',
      status: 'justified',
    };
    expect(KINDS.claims.schema.safeParse(claim).success).toBe(false);
    expect(KINDS.claims.schema.safeParse({ ...claim, decided_at: '2026-10-03' }).success).toBe(true);
  });
});
