import { describe, expect, it } from 'vitest';
import type { PassRatesResponse } from '../../schemas/autoqa-pass-rates.ts';
import {
  checkSearchPath,
  sampleOptions,
  sampleQuery,
  sampleToSplit,
  searchState,
} from '../../web/src/pages/call-queue/queue-params.ts';
import { checkRateRows, checkRateView, shownCheck } from '../../web/src/pages/dashboard/check-rates.ts';

const rate = (key: string, pass: number, fail: number, na = 0) => ({
  key,
  pass,
  fail,
  na,
  rate: pass + fail ? pass / (pass + fail) : null,
});
const labels = (en: string) => ({ en, ru: en, ro: en });

const DATA: PassRatesResponse = {
  period: '2026-10',
  rulesVersion: 1,
  checks: [
    { key: 'greeting', labels: labels('Greeting') },
    { key: 'debt-check', labels: labels('Debt checked') },
    { key: 'farewell', labels: labels('Farewell') },
  ],
  total: {
    calls: 6,
    checks: [rate('greeting', 5, 1), rate('debt-check', 1, 2, 3), rate('farewell', 0, 0, 6)],
  },
  teams: [
    { teamId: 'T1', name: 'Alpha', calls: 3, checks: [rate('greeting', 3, 0), rate('debt-check', 1, 0, 2)] },
    { teamId: 'T2', name: 'Beta', calls: 3, checks: [rate('greeting', 2, 1), rate('debt-check', 0, 2, 1)] },
  ],
  operators: [
    { operatorId: 'OP-1', name: 'Ana', teamId: 'T1', calls: 3, checks: [rate('debt-check', 1, 0, 2)] },
    { operatorId: 'OP-2', name: 'Ion', teamId: 'T2', calls: 2, checks: [rate('debt-check', 0, 2)] },
    { operatorId: 'OP-3', name: 'Eva', teamId: 'T2', calls: 1, checks: [rate('debt-check', 0, 0, 1)] },
  ],
};

describe("the AutoQA checks card's views", () => {
  it('reads the view from the address, every check of the selection by default', () => {
    expect(checkRateView(null)).toBe('selection');
    expect(checkRateView('team')).toBe('team');
    expect(checkRateView('nonsense')).toBe('selection');
  });

  it("shows every check in the rule set's order for the selection, drilling to the dashboard's team", () => {
    const rows = checkRateRows(DATA, 'selection', '', 'T1');
    expect(rows.map((r) => [r.id, r.rate, r.team, r.operator])).toEqual([
      ['greeting', 5 / 6, 'T1', null],
      ['debt-check', 1 / 3, 'T1', null],
      ['farewell', null, 'T1', null],
    ]);
  });

  it('shows one check per team or per operator, worst first, a check that never applied last', () => {
    expect(checkRateRows(DATA, 'team', 'debt-check', null).map((r) => [r.name, r.rate, r.team])).toEqual([
      ['Beta', 0, 'T2'],
      ['Alpha', 1, 'T1'],
    ]);
    expect(checkRateRows(DATA, 'operator', 'debt-check', null).map((r) => [r.id, r.operator])).toEqual([
      ['OP-2', 'OP-2'],
      ['OP-1', 'OP-1'],
      ['OP-3', 'OP-3'],
    ]);
  });

  it('shows the check asked for, else the worst of the selection', () => {
    expect(shownCheck(DATA, 'greeting')).toBe('greeting');
    expect(shownCheck(DATA, 'gone')).toBe('debt-check');
    expect(shownCheck(DATA, null)).toBe('debt-check');
  });
});

describe('the call queue and AutoQA in the address', () => {
  it("drills from a check's failures to the search of the month, the team or the operator", () => {
    expect(checkSearchPath('2026-10', 'debt-check', 'fail', { team: 'T 1' })).toBe(
      '/calls?view=search&period=2026-10&team=T+1&check=debt-check&checkResult=fail',
    );
    expect(checkSearchPath('2026-10', null, 'fail', { operator: 'OP-2' })).toBe(
      '/calls?view=search&period=2026-10&operator=OP-2&checkResult=fail',
    );
  });

  it("asks the search for a check's result, or any check's", () => {
    const s = searchState(new URLSearchParams('check=greeting&checkResult=na'), '2026-10');
    expect(s.query).toMatchObject({ period: '2026-10', check: 'greeting', checkResult: 'na' });
    expect(s.hasFilters).toBe(true);
    expect(searchState(new URLSearchParams('checkResult=fail'), '2026-10').query).toMatchObject({
      checkResult: 'fail',
    });
  });

  it('asks the sample to take first the failures of a check or of any critical one, and splits it so', () => {
    const critical = sampleQuery('2026-10', sampleOptions(new URLSearchParams('first=critical')));
    expect(critical).toEqual({ period: '2026-10', team: null, perOperator: '5', failedCritical: 'true' });
    const check = sampleQuery('2026-10', sampleOptions(new URLSearchParams('first=greeting&margin=3')));
    expect(check).toEqual({ period: '2026-10', team: null, margin: '3', failedCheck: 'greeting' });
    expect(sampleToSplit(critical)).toEqual({ perOperator: 5, failedCritical: 'true' });
    expect(sampleToSplit(check)).toEqual({ margin: 3, failedCheck: 'greeting' });
  });
});
