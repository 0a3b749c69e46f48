import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvText } from '../../core/spreadsheet-cells.ts';
import { scorecardsCsv } from '../../server/cli/commands/score.ts';
import { payrollCsv } from '../../server/payroll/export-csv.ts';
import type { PayrollLine } from '../../server/payroll/payroll-rows.ts';
import type { Translate } from '../../web/src/i18n/index.ts';
import { rankingCsv } from '../../web/src/pages/dashboard/ranking.ts';
import { naiveFields, parseRecords } from '../helpers/csv.ts';
import { addUser, importCsv, signIn, type TestEnv, testEnv } from '../helpers/runtime.ts';
import { expectedScorecards, GOLDEN_ZONE, loadGolden } from './golden.ts';

/** Texts that a careless export hands to a spreadsheet as formulas, or splits in the wrong place. */
const HOSTILE = [
  'a;=1+1',
  'b,=SUM(A1:A9)',
  'c; -2+3',
  'd;"=1"',
  'e\n=1',
  'f\r@cmd',
  'g;\t=1',
  'h"quote',
  '=start',
  '+start',
  '-start',
  '@start',
  '\tstart',
  '\rstart',
  ' padded ',
  'plain',
];

/** A number written by the export itself (a negative adjustment, a decimal comma, maybe quoted) is no formula. */
const NUMBER = /^-?\d+(?:[.,]\d+)?$/;
/** What a spreadsheet runs: a field whose first character, past spaces and quotes, starts a formula. */
const FORMULA = /^[ "]*[=+\-@\t\r]/;

/** No reading of the file, on `,` or `;`, with or without quoting, sees a formula. */
function expectFormulaSafe(text: string) {
  const fields = [...parseRecords(text, ',').flat(), ...parseRecords(text, ';').flat(), ...naiveFields(text)];
  const unsafe = fields.filter((f) => FORMULA.test(f) && !NUMBER.test(f.replace(/^[ "]+|[ "]+$/g, '')));
  expect(unsafe).toEqual([]);
}

const line = (name: string, i: number): PayrollLine => ({
  employeeId: `OP-${i}`,
  name,
  team: name,
  period: '2026-10',
  currency: 'MDL',
  variableBase: 2_000_000,
  coefficient: 0.4063,
  payout: 812_600,
  adjustment: -1_187_400,
  reasons: name,
});

describe('a CSV text cell', () => {
  it('gets an apostrophe before every formula start a reading on , or ; could see', () => {
    expect(csvText('a;=1+1')).toBe("a;'=1+1");
    expect(csvText('b,=SUM(A1:A9)')).toBe("b,'=SUM(A1:A9)");
    expect(csvText('c; -2+3')).toBe("c;' -2+3");
    expect(csvText('=1;@2')).toBe("'=1;'@2");
    expect(csvText('e\n=1')).toBe("e\n'=1");
    expect(csvText('g;\t=1')).toBe("g;'\t=1");
    expect(csvText('A-1; B+2')).toBe('A-1; B+2');
  });
});

describe('the payroll CSV', () => {
  for (const delimiter of [',', ';'] as const) {
    for (const decimal of ['.', ','] as const) {
      it(`with ${delimiter} and decimal ${decimal}: quoted for its delimiter, read back cell by cell, formula-safe`, () => {
        const text = payrollCsv(HOSTILE.map(line), { delimiter, decimal }).toString('utf8').slice(1);
        const records = parseRecords(text, delimiter);
        expect(records).toHaveLength(HOSTILE.length + 1);
        for (const [i, value] of HOSTILE.entries()) {
          const r = records[i + 1] as string[];
          expect(r).toHaveLength(10);
          expect([r[1], r[2], r[9]]).toEqual([csvText(value), csvText(value), csvText(value)]);
          expect(r.slice(5, 9)).toEqual(
            decimal === '.'
              ? ['20000.00', '0.4063', '8126.00', '-11874.00']
              : ['20000,00', '0,4063', '8126,00', '-11874,00'],
          );
        }
        expectFormulaSafe(text);
      });
    }
  }
});

describe('the ranking CSV of the web app', () => {
  it('is quoted, read back cell by cell, and formula-safe', () => {
    const [card] = expectedScorecards('2026-10');
    if (!card) throw new Error('no golden scorecard');
    const t = ((key: string) => key) as Translate;
    const rows = HOSTILE.map((name, i) => ({
      scorecard: { ...card, operatorId: `OP-${i}` },
      name,
      teamId: 'T1',
      teamName: name,
      department: null,
      asa: null,
    }));
    const text = rankingCsv(rows, t, 'MDL').slice(1);
    const records = parseRecords(text, ',');
    expect(records).toHaveLength(HOSTILE.length + 1);
    const width = (records[0] as string[]).length;
    for (const [i, value] of HOSTILE.entries()) {
      const r = records[i + 1] as string[];
      expect(r).toHaveLength(width);
      expect(r).toContain(csvText(value));
    }
    expectFormulaSafe(text);
  });
});

describe('callscore score --format csv', () => {
  it('is read back cell by cell, numbers left numbers, text formula-safe', () => {
    const [card] = expectedScorecards('2026-10');
    if (!card) throw new Error('no golden scorecard');
    const rows = HOSTILE.map((name, i) => ({
      scorecard: { ...card, operatorId: `OP-${i}` },
      name,
      teamId: 'T1',
      teamName: name,
      department: null,
      rule: { id: null, version: 1, department: null },
      explanation: [],
      targets: [],
      evaluations: 0,
      asa: null,
    }));
    const text = scorecardsCsv(rows);
    const [header = [], ...records] = parseRecords(text, ',');
    expect(records).toHaveLength(HOSTILE.length);
    for (const [i, value] of HOSTILE.entries()) {
      const r = Object.fromEntries(header.map((h, j) => [h, (records[i] as string[])[j]]));
      expect([r.name, r.team]).toEqual([csvText(value), csvText(value)]);
      expect(r.adjustment).toBe('-1187400');
    }
    expectFormulaSafe(text);
  });
});

describe('the payroll export of the API', () => {
  let env: TestEnv;
  let payroll: string;
  beforeAll(async () => {
    env = await testEnv();
    await loadGolden(env);
    await importCsv(
      env,
      'operators',
      'hostile.csv',
      'operator_id,name,team_id\nOP-E,a;=1+1,T2\nOP-F,"b,=2+2",T2\n',
      GOLDEN_ZONE,
    );
    payroll = await signIn(env, 'payroll', await addUser(env, 'payroll', 'payroll'));
  });
  afterAll(() => env.dispose());

  for (const delimiter of [',', ';'] as const) {
    it(`quotes and guards a name like a;=1+1 with ${delimiter}`, async () => {
      const res = await env.app.request(
        `/api/pay-periods/2026-10/export?delimiter=${encodeURIComponent(delimiter)}`,
        { headers: { cookie: payroll } },
      );
      const text = (await res.text()).replace(/^\uFEFF/, '');
      const names = parseRecords(text, delimiter).map((r) => r[1]);
      expect(names).toContain("a;'=1+1");
      expect(names).toContain("b,'=2+2");
      expectFormulaSafe(text);
    });
  }
});
