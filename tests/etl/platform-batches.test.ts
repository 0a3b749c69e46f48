import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import { readLines } from '../../etl/platforms/file-lines.ts';
import type { ImportReport } from '../../schemas/import-report.ts';
import { importCsv, type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * A platform's file is staged a batch of lines at a time: a file imported in batches of a few
 * lines gives the same calls, report and quarantined lines as in one batch, with the calls whose
 * records lie in different batches (a FreeSWITCH a-leg and its b-leg) read whole.
 */
const TZ = 'Europe/Chisinau';
const CALLS = 600;
const stamp = (s: number) => {
  const t = new Date(Date.UTC(2026, 9, 1, 9, 0, 0) + s * 1000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 19)}`;
};
const q = (fields: string[]) => fields.map((f) => `"${f}"`).join(',');
const uuid = (leg: 'a' | 'b', i: number) => `${leg}0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/**
 * mod_cdr_csv with legs="ab": each inbound call's a-leg, then its b-leg five calls later (so that
 * the two are in different batches), every third call unanswered; CRLF line ends, a BOM, caller
 * names in Cyrillic (multi-byte characters across the stream's chunks), one line of 3 fields.
 */
function masterCsv(): string {
  const lines: string[] = [];
  const bLegs = new Map<number, string>();
  for (let i = 0; i < CALLS; i++) {
    const start = i * 60;
    const answered = i % 3 !== 0;
    const ext = i % 2 ? '1001' : '1002';
    const caller = `+3736900${String(i).padStart(4, '0')}`;
    const name = `Иван Петров ${i}`;
    lines.push(
      q([
        name,
        caller,
        ext,
        'public',
        stamp(start),
        answered ? stamp(start + 5) : '',
        stamp(start + 50),
        '50',
        answered ? '45' : '0',
        answered ? 'NORMAL_CLEARING' : 'ORIGINATOR_CANCEL',
        uuid('a', i),
        answered ? uuid('b', i) : '',
        '',
        'PCMA',
        'PCMA',
      ]),
    );
    if (answered) {
      bLegs.set(
        i + 5,
        q([
          name,
          caller,
          ext,
          'default',
          stamp(start + 1),
          stamp(start + 8),
          stamp(start + 50),
          '49',
          '42',
          'NORMAL_CLEARING',
          uuid('b', i),
          '',
          '',
          'PCMA',
          'PCMA',
        ]),
      );
    }
    const b = bLegs.get(i);
    if (b) lines.push(b);
    if (i === 250) lines.push('"a","b","c"');
  }
  for (const [i, b] of bLegs) if (i >= CALLS) lines.push(b);
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

let envs: TestEnv[];
let file: string;
beforeAll(async () => {
  envs = await Promise.all([testEnv({ timeZone: TZ }), testEnv({ timeZone: TZ })]);
  file = path.join(envs[0]?.dir as string, 'Master.csv');
  writeFileSync(file, masterCsv());
  for (const env of envs) {
    await importCsv(env, 'teams', 'teams.csv', 'team_id,name\nT1,One\n', TZ);
    await importCsv(
      env,
      'operators',
      'operators.csv',
      'operator_id,name,team_id,pbx_ids\nop1,Ana,T1,1001\nop2,Ion,T1,1002\n',
      TZ,
    );
  }
});
afterAll(async () => {
  for (const env of envs) await env.dispose();
});

const calls = (env: TestEnv) =>
  env.rt.analytics.rows(
    `SELECT call_id, strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S') AS started_at,
       strftime(answered_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S') AS answered_at,
       direction, operator_id, phone, disposition, talk_s
     FROM calls ORDER BY call_id`,
  );
const comparable = ({ seconds: _s, importId: _i, ...rest }: ImportReport) => rest;

describe('a platform file staged in batches of lines', () => {
  it('gives the same calls, report and quarantined lines in batches of 7 lines as in one batch', async () => {
    const [small, whole] = envs as [TestEnv, TestEnv];
    const inBatches = await importFile(small.rt, {
      kind: 'calls',
      file,
      actor: 'test',
      timeZone: TZ,
      lineBatch: 7,
    });
    const inOne = await importFile(whole.rt, {
      kind: 'calls',
      file,
      actor: 'test',
      timeZone: TZ,
      lineBatch: 1_000_000,
    });
    expect(inOne).toMatchObject({ format: 'freeswitch-csv', read: CALLS + 1, loaded: CALLS, quarantined: 1 });
    // The bad line follows the a-legs of calls 0-250 (251) and the b-legs of the answered calls
    // 0-245 (246 less the 82 multiples of 3): line 416.
    expect(inOne.quarantine.map((r) => r.line)).toEqual([416]);
    expect(comparable(inBatches)).toEqual(comparable(inOne));
    const [a, b] = [await calls(small), await calls(whole)];
    expect(a).toHaveLength(CALLS);
    expect(a).toEqual(b);
    // A call whose b-leg lies five calls on is read with it: answered when the b-leg answered.
    expect(a.find((r) => r.call_id === uuid('a', 1))).toMatchObject({
      answered_at: '2026-10-01T06:01:08',
      disposition: 'answered',
      operator_id: 'op1',
      talk_s: 42,
    });
  });

  it('reads lines as a whole split would, a multi-byte character across chunks included', async () => {
    const text = readFileSync(file, 'utf8');
    const lines: string[] = [];
    for await (const line of readLines(file)) lines.push(line);
    expect(text.length).toBeGreaterThan(3 * 65536);
    expect(lines).toEqual(
      text
        .slice(1)
        .split('\n')
        .map((l) => l.replace(/\r$/, '')),
    );
  });
});
