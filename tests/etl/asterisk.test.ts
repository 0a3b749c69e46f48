import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

const SAMPLE = new URL('./asterisk-sample/', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(path.join(SAMPLE, 'expected.json'), 'utf8'));
const TZ = expected.timeZone as string;

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv({ timeZone: TZ });
  for (const kind of ['teams', 'operators'] as const) {
    await importFile(env.rt, { kind, file: path.join(SAMPLE, `${kind}.csv`), actor: 'test', timeZone: TZ });
  }
});
afterEach(() => env.dispose());

const importPbx = (
  file: string,
  format?: 'asterisk-cdr' | 'queue-log',
  kind: 'calls' | 'queue-log' = 'calls',
) =>
  importFile(env.rt, {
    kind,
    file: path.resolve(SAMPLE, file),
    actor: 'test',
    timeZone: TZ,
    ...(format ? { format } : {}),
  });

/** The figures expected.json states, computed from what landed in the calls table. */
async function figures() {
  const [totals] = await env.rt.analytics.rows(`SELECT count(*) AS calls,
    count(*) FILTER (WHERE direction = 'inbound') AS inbound,
    count(*) FILTER (WHERE direction = 'outbound') AS outbound,
    count(*) FILTER (WHERE disposition = 'abandoned') AS abandoned,
    count(*) FILTER (WHERE outcome = 'transferred') AS transferred,
    count(*) FILTER (WHERE answered_at IS NOT NULL AND operator_id IS NULL) AS no_operator
    FROM calls`);
  const [timeouts] = await env.rt.analytics.rows(
    `SELECT count(*) AS n FROM pbx_queue_calls WHERE end_event = 'EXITWITHTIMEOUT'`,
  );
  const answered = await env.rt.analytics.rows(`SELECT operator_id, count(*) AS n FROM calls
    WHERE answered_at IS NOT NULL AND operator_id IS NOT NULL GROUP BY 1 ORDER BY 1`);
  return {
    calls: Number(totals?.calls),
    inbound: Number(totals?.inbound),
    outbound: Number(totals?.outbound),
    abandoned: Number(totals?.abandoned),
    transferred: Number(totals?.transferred),
    noOperator: Number(totals?.no_operator),
    timeouts: Number(timeouts?.n),
    answeredByOperator: Object.fromEntries(answered.map((r) => [r.operator_id, Number(r.n)])),
  };
}

const { timeZone: _tz, ...want } = expected;

describe('Asterisk CDR + queue_log', () => {
  it('CDR then queue_log gives the expected import', async () => {
    const cdr = await importPbx('Master.csv', 'asterisk-cdr');
    expect(cdr).toMatchObject({ status: 'done', read: 43, loaded: 43, quarantined: 0 });
    const q = await importPbx('queue_log', 'queue-log');
    expect(q).toMatchObject({ status: 'done', read: 32, loaded: 32, quarantined: 0 });
    expect(await figures()).toEqual(want);
  });

  it('queue_log then CDR gives the same, without doubling any call', async () => {
    await importPbx('queue_log', undefined, 'queue-log');
    await importPbx('Master.csv');
    expect(await figures()).toEqual(want);
  });

  it('detects both formats without --format', async () => {
    expect((await importPbx('Master.csv')).format).toBe('asterisk-cdr');
    expect((await importPbx('queue_log')).format).toBe('queue-log');
  });

  it('takes talk time from queue_log calltime, not billsec that includes the wait', async () => {
    await importPbx('Master.csv');
    await importPbx('queue_log');
    // 1791180670.2: billsec 73 in the CDR; CONNECT after 30 s, calltime 44 in queue_log
    const [row] = await env.rt.analytics.rows(`SELECT operator_id, talk_s, queue,
      strftime(answered_at AT TIME ZONE 'UTC', '%H:%M:%S') AS answered, strftime(started_at AT TIME ZONE 'UTC', '%H:%M:%S') AS started
      FROM calls WHERE call_id = '1791180670.2'`);
    expect(row).toEqual({
      operator_id: 'OP-05',
      talk_s: 44,
      queue: 'sales',
      answered: '06:11:40',
      started: '06:11:10',
    });
  });

  it('a CDR alone still knows that a queue caller who hung up was not handled', async () => {
    await importPbx('Master.csv');
    const [row] = await env.rt.analytics.rows(
      `SELECT disposition, answered_at, operator_id FROM calls WHERE call_id = '1791180514.1'`,
    );
    expect(row).toEqual({ disposition: 'abandoned', answered_at: null, operator_id: null });
  });

  it('re-importing either file changes nothing', async () => {
    await importPbx('Master.csv');
    await importPbx('queue_log');
    const before = await figures();
    expect((await importPbx('Master.csv')).status).toBe('already_imported');
    const copy = path.join(env.dir, 'queue_log.copy');
    // the same calls with one more agent event: another file, nothing new about any call
    writeFileSync(
      copy,
      `${readFileSync(path.join(SAMPLE, 'queue_log'), 'utf8')}1791290000|NONE|sales|SIP/1002|PAUSE|\n`,
    );
    const again = await importFile(env.rt, { kind: 'calls', file: copy, actor: 'test', timeZone: TZ });
    expect(again).toMatchObject({ loaded: 0, duplicates: 32 });
    expect(await figures()).toEqual(before);
  });

  it('reads 16- and 21-column CDRs and UTC times', async () => {
    const lines = readFileSync(path.join(SAMPLE, 'Master.csv'), 'utf8').trim().split('\n');
    const cut = (l: string, n: number) => l.split('","').slice(0, n).join('","') + (n < 18 ? '"' : '');
    const sixteen = path.join(env.dir, 'm16.csv');
    writeFileSync(sixteen, `${lines.map((l) => cut(l, 16)).join('\n')}\n`);
    const r16 = await importPbx(sixteen, 'asterisk-cdr');
    expect(r16).toMatchObject({ read: 43, loaded: 43, quarantined: 0 });
    expect(r16.notes[0]).toBe('16-column CDR: 43 rows, 43 legs of 43 calls');

    const env21 = path.join(env.dir, 'm21.csv');
    writeFileSync(env21, `${lines.map((l) => `${l},"","${l.split('","')[16]}","1"`).join('\n')}\n`);
    const gmt = await importFile(env.rt, {
      kind: 'calls',
      file: env21,
      format: 'asterisk-cdr',
      actor: 'test',
      timeZone: TZ,
      gmtTimes: true,
    });
    expect(gmt.notes[0]).toBe('21-column CDR: 43 rows, 43 legs of 43 calls');
    // local times read as UTC: the uniqueids, made at the true instants, tell
    expect(gmt.notes[1]).toBe(
      "warning: the CDR's start times, read as UTC (--gmt), are 3 h after the Unix times in its uniqueids " +
        '(when the PBX made each channel): every call would be shifted by 3 h; the server writes ' +
        'wall-clock time in Europe/Chisinau: import it without --gmt',
    );
    // read as written, no warning
    expect(r16.notes.some((n) => n.startsWith('warning'))).toBe(false);
    const [row] = await env.rt.analytics.rows(
      `SELECT strftime(started_at AT TIME ZONE 'UTC', '%H:%M:%S') AS started FROM calls WHERE call_id = '1791180514.1'`,
    );
    expect(row?.started).toBe('09:08:34');
  });

  it('quarantines broken lines with their line number and loads the rest', async () => {
    const lines = readFileSync(path.join(SAMPLE, 'queue_log'), 'utf8').trim().split('\n');
    lines.splice(6, 0, 'garbage|x|sales|NONE|ENTERQUEUE||1|1', '1791180600|1791.9|sales|NONE|EXPLODE|1');
    const file = path.join(env.dir, 'qlog-bad');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const report = await importPbx(file, 'queue-log');
    expect(report.quarantine.map((q) => [q.line, q.reason, q.raw])).toEqual([
      // the line as written, its empty field kept
      [7, 'epoch: is not a Unix time', 'garbage|x|sales|NONE|ENTERQUEUE||1|1'],
      [8, 'event: "EXPLODE" is not a queue_log event', '1791180600|1791.9|sales|NONE|EXPLODE|1'],
    ]);
    expect(report.loaded).toBe(32);
  });

  it('refuses a file of the wrong width with a clear message', async () => {
    const file = path.join(env.dir, 'narrow.csv');
    writeFileSync(file, '"a","b","c"\n');
    await expect(importPbx(file, 'asterisk-cdr')).rejects.toThrow(
      /has 3 columns; an Asterisk CDR .* has 16, 18 or 21/,
    );
  });
});
