import { describe, expect, it } from 'vitest';
import { namer } from '../../web/src/api/names.ts';

describe('names, not codes', () => {
  const names = namer({
    users: { 'qa.vbotnari': 'Victoria Botnari' },
    operators: { 'OP-0018': 'Ivan Sokolov' },
    teams: { 'T-ORD-S': 'Order desk South' },
  });

  it('shows users, operators and teams by their names', () => {
    expect(names.user('qa.vbotnari')).toBe('Victoria Botnari');
    expect(names.operator('OP-0018')).toBe('Ivan Sokolov');
    expect(names.team('T-ORD-S')).toBe('Order desk South');
  });

  it('names an operator written where a username would be (an imported dispute)', () => {
    expect(names.user('OP-0018')).toBe('Ivan Sokolov');
  });

  it('shows an id nobody is known by as it is, and a dash for none', () => {
    expect(names.user('someone')).toBe('someone');
    expect(names.team('T-X')).toBe('T-X');
    expect(names.operator(null)).toBe('—');
    expect(namer(undefined).user('qa.vbotnari')).toBe('qa.vbotnari');
  });
});
