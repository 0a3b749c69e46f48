import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectFormat } from '../../etl/detect-format.ts';
import { importFile } from '../../etl/import-file.ts';
import type { Format } from '../../schemas/import-report.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * Asterisk's records in the forms other than cdr_csv and the queue_log file: the cdr and
 * queue_log tables exported as CSV, and cdr_custom's sample template. Each is made here from the
 * Asterisk sample's own files, field for field, and must give the calls the files give.
 */

const SAMPLE = new URL('./asterisk-sample/', import.meta.url).pathname;
const TZ = 'Europe/Chisinau';
const CDR_18 = [
  'accountcode',
  'src',
  'dst',
  'dcontext',
  'clid',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'start',
  'answer',
  'end',
  'duration',
  'billsec',
  'disposition',
  'amaflags',
  'uniqueid',
  'userfield',
];

/** The fields of one cdr_csv line (every field quoted, "" a quote). */
function fields(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"]|"")*)"(?:,|$)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) out.push((m[1] as string).replace(/""/g, '"'));
  return out;
}

const legs = () =>
  readFileSync(path.join(SAMPLE, 'Master.csv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => Object.fromEntries(fields(l).map((v, i) => [CDR_18[i], v])) as Record<string, string>);

const events = () =>
  readFileSync(path.join(SAMPLE, 'queue_log'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.split('|'));

const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
/** Local wall-clock time in TZ as Unix seconds (the sample's times are in TZ). */
const unix = (local: string) => {
  const guess = Date.parse(`${local.replace(' ', 'T')}Z`) / 1000;
  const offset = (at: number) => {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: TZ,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).format(new Date(at * 1000));
    return Date.parse(`${parts.replace(', ', 'T')}Z`) / 1000 - at;
  };
  return guess - offset(guess);
};
const utc = (epoch: number) => new Date(epoch * 1000).toISOString().slice(0, 19).replace('T', ' ');

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv({ timeZone: TZ });
  for (const kind of ['teams', 'operators'] as const) {
    await importFile(env.rt, { kind, file: path.join(SAMPLE, `${kind}.csv`), actor: 'test', timeZone: TZ });
  }
});
afterEach(() => env.dispose());

const write = (name: string, text: string) => {
  const file = path.join(env.dir, name);
  writeFileSync(file, text);
  return file;
};

const importOne = (file: string, more: { format?: Format; gmtTimes?: boolean; pbx?: string } = {}) =>
  importFile(env.rt, { kind: 'calls', file, actor: 'test', timeZone: TZ, ...more });

/** Every call as stored, the columns the PBX's records decide. */
const calls = () =>
  env.rt.analytics.rows(`SELECT call_id, started_at::VARCHAR AS started_at, queued_at::VARCHAR AS queued_at,
    answered_at::VARCHAR AS answered_at, ended_at::VARCHAR AS ended_at, direction, operator_id, phone, queue,
    disposition, outcome, talk_s, transferred_to FROM calls ORDER BY call_id`);

/** The calls the sample's own files give. */
async function fromFiles(files: ('Master.csv' | 'queue_log')[]) {
  const other = await testEnv({ timeZone: TZ });
  try {
    for (const kind of ['teams', 'operators'] as const) {
      await importFile(other.rt, {
        kind,
        file: path.join(SAMPLE, `${kind}.csv`),
        actor: 'test',
        timeZone: TZ,
      });
    }
    for (const f of files) {
      await importFile(other.rt, { kind: 'calls', file: path.join(SAMPLE, f), actor: 'test', timeZone: TZ });
    }
    return await other.rt.analytics.rows(`SELECT call_id, started_at::VARCHAR AS started_at, queued_at::VARCHAR AS queued_at,
      answered_at::VARCHAR AS answered_at, ended_at::VARCHAR AS ended_at, direction, operator_id, phone, queue,
      disposition, outcome, talk_s, transferred_to FROM calls ORDER BY call_id`);
  } finally {
    await other.dispose();
  }
}

/** The sample's CDR as PBXware's cdr table, exported by the mysql client: `;`, NULL as \N. */
function pbxwareTable(): string {
  const header =
    'AcctId;tenant;clid;src;dst;dcontext;channel;dstchannel;lastapp;lastdata;calldate;duration;billsec;billamount;disposition;amaflags;accountcode;uniqueid;userfield';
  const rows = legs().map((l, i) =>
    [
      String(i + 1),
      '\\N',
      quote(l.clid as string),
      l.src,
      l.dst,
      l.dcontext,
      l.channel,
      l.dstchannel || '\\N',
      l.lastapp,
      quote(l.lastdata as string),
      l.start,
      l.duration,
      l.billsec,
      '0.00',
      l.disposition,
      '3',
      l.accountcode || '\\N',
      l.uniqueid,
      l.userfield || 'NULL',
    ].join(';'),
  );
  return `${[header, ...rows].join('\n')}\n`;
}

/** The sample's CDR as cdr_custom.conf.sample's template writes it; `f`: its times as CDR(start,f) writes them. */
function cdrCustom(opts: { f?: boolean; extra?: string[] } = {}): string {
  const time = (t: string) => (opts.f ? (t ? `${unix(t)}.250000` : '0.000000') : t);
  const rows = legs().map((l) => {
    const q = [
      l.clid,
      l.src,
      l.dst,
      l.dcontext,
      l.channel,
      l.dstchannel,
      l.lastapp,
      l.lastdata,
      time(l.start as string),
      time(l.answer as string),
      time(l.end as string),
      opts.f ? `${l.duration}.000000` : l.duration,
      opts.f ? `${l.billsec}.000000` : l.billsec,
      l.disposition,
      l.amaflags,
      l.accountcode,
      l.uniqueid,
      l.userfield,
    ].map((v) => quote(v as string));
    return [...q, '7', ...(opts.extra ?? [])].join(',');
  });
  return `${rows.join('\n')}\n`;
}

/** The sample's queue_log as the realtime table of queue_adaptive_realtime, times as `gmt` says. */
function queueLogTable(gmt: boolean): string {
  const header = 'time,callid,queuename,agent,event,data1,data2,data3,data4,data5';
  const rows = events().map(([epoch, ...rest]) => {
    const e = Number(epoch);
    const time = gmt ? utc(e) : new Date(e * 1000).toLocaleString('sv-SE', { timeZone: TZ });
    const f = [...rest, '', '', '', '', '', ''].slice(0, 9);
    return [`${time}.000123`, ...f.map((v) => (/[,"]/.test(v) ? quote(v) : v))].join(',');
  });
  return `${[header, ...rows].join('\n')}\n`;
}

describe('Asterisk cdr table', () => {
  it("PBXware's export (its column names, `;`, \\N) gives the calls of the sample's Master.csv", async () => {
    const file = write('cdr-export.csv', pbxwareTable());
    expect(await detectFormat(file)).toBe('asterisk-cdr-table');
    const report = await importOne(file);
    expect(report.format).toBe('asterisk-cdr-table');
    expect(report.quarantined).toBe(0);
    expect(report.ignoredColumns).toEqual(['AcctId', 'tenant', 'billamount']);
    expect(report.notes[0]).toBe('cdr table (19 columns): 43 rows, 43 legs of 43 calls');
    expect(await calls()).toEqual(await fromFiles(['Master.csv']));
  });

  it('refuses an export without the columns a leg needs, naming them', async () => {
    const file = write('cdr-short.csv', 'calldate,uniqueid,src\n2026-10-05 09:08:34,1791180514.1,1001\n');
    await expect(importOne(file)).rejects.toThrow(
      'cdr-short.csv has no column duration, billsec, disposition (required in a cdr table)',
    );
  });

  it('takes --gmt and --source as the files do', async () => {
    const local = await importOne(write('cdr-export.csv', pbxwareTable()), { pbx: 'hq' });
    expect(local.notes).toContain('source hq: its call ids are written hq:uniqueid');
    const [first] = await env.rt.analytics.rows(
      `SELECT call_id, strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS s FROM calls WHERE call_id = 'hq:1791180514.1'`,
    );
    expect(first?.s).toBe('2026-10-05 06:08:34');
    // Another export of the same table (CRLF line ends, as a Windows client writes them).
    const crlf = pbxwareTable().replace(/\n/g, '\r\n');
    const gmt = await importOne(write('cdr-export-utc.csv', crlf), { gmtTimes: true, pbx: 'utc' });
    // Read as UTC, the local times sit 3 h after the uniqueids: the clock check says so.
    expect(gmt.notes[1]).toMatch(/^warning: the CDR's start times, read as UTC \(--gmt\), are 3 h after/);
    const [shifted] = await env.rt.analytics.rows(
      `SELECT strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS s FROM calls WHERE call_id = 'utc:1791180514.1'`,
    );
    expect(shifted?.s).toBe('2026-10-05 09:08:34');
  });
});

describe('Asterisk cdr_custom', () => {
  it("the sample template's file is detected and gives the calls of the sample's Master.csv", async () => {
    const file = write('Master.csv', cdrCustom());
    expect(await detectFormat(file)).toBe('cdr-custom');
    const report = await importOne(file);
    expect(report.format).toBe('cdr-custom');
    expect(report.notes[0]).toBe("cdr_custom (the sample's 19 fields): 43 rows, 43 legs of 43 calls");
    expect(await calls()).toEqual(await fromFiles(['Master.csv']));
  });

  it('reads Unix times (CDR(start,f)) and leaves the fields an installation appends', async () => {
    const file = write(
      'Master.csv',
      cdrCustom({ f: true, extra: ['"abc@10.0.0.1"', '"ssrc=1;themssrc=2"'] }),
    );
    expect(await detectFormat(file)).toBe('cdr-custom');
    const report = await importOne(file);
    expect(report.quarantined).toBe(0);
    expect(report.notes[0]).toBe(
      "cdr_custom (the sample's 19 fields; 2 more after them not read): 43 rows, 43 legs of 43 calls",
    );
    expect(await calls()).toEqual(await fromFiles(['Master.csv']));
  });

  it('refuses another template, pointing to a mapping', async () => {
    const file = write('Short.csv', '"""Ana"" <1001>","1001","500","2026-10-05 09:08:34","27"\n');
    await expect(importOne(file, { format: 'cdr-custom' })).rejects.toThrow(
      /has 5 fields; .* with a mapping \(--map\)/,
    );
  });
});

describe('Asterisk queue_log table', () => {
  it('gives the calls of the queue_log file, with or without the CDR, times local or UTC (--gmt)', async () => {
    const file = write('queue_log.csv', queueLogTable(false));
    expect(await detectFormat(file)).toBe('queue-log-table');
    const report = await importFile(env.rt, { kind: 'queue-log', file, actor: 'test', timeZone: TZ });
    expect(report.format).toBe('queue-log-table');
    expect(report.quarantined).toBe(0);
    expect(await calls()).toEqual(await fromFiles(['queue_log']));
    await importOne(path.join(SAMPLE, 'Master.csv'));
    expect(await calls()).toEqual(await fromFiles(['Master.csv', 'queue_log']));
    // The same events written in UTC are the same events: nothing new.
    const again = await importOne(write('queue_log_utc.csv', queueLogTable(true)), { gmtTimes: true });
    expect(again.loaded).toBe(0);
    expect(again.duplicates).toBe(again.read);
    // The queue_log file of the same events meets them: one event each, nothing new.
    const count = async () =>
      Number((await env.rt.analytics.rows('SELECT count(*) AS n FROM pbx_queue_events'))[0]?.n);
    const before = await count();
    const file2 = await importOne(path.join(SAMPLE, 'queue_log'));
    expect(file2).toMatchObject({ format: 'queue-log', loaded: 0 });
    expect(await count()).toBe(before);
  });
});
