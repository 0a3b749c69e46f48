import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import { misreadings } from '../../etl/input/mend.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

/** A CDR or queue_log whose caller, queue or member names came in a legacy 8-bit encoding. */

const SAMPLE = new URL('./asterisk-sample/', import.meta.url).pathname;
const TZ = JSON.parse(readFileSync(path.join(SAMPLE, 'expected.json'), 'utf8')).timeZone as string;
const sampleLines = (name: string) => readFileSync(path.join(SAMPLE, name), 'utf8').trim().split('\n');

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv({ timeZone: TZ });
  for (const kind of ['teams', 'operators'] as const) {
    await importFile(env.rt, { kind, file: path.join(SAMPLE, `${kind}.csv`), actor: 't', timeZone: TZ });
  }
});
afterEach(() => env.dispose());

const write = (name: string, lines: Buffer[]) => {
  const file = path.join(env.dir, name);
  writeFileSync(file, Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
  return file;
};

const importAs = (file: string, encoding?: string) =>
  importFile(env.rt, { kind: 'calls', file, actor: 't', timeZone: TZ, ...(encoding ? { encoding } : {}) });

/** A sample CDR line (18 columns) with another clid and userfield. */
const cdrLine = (line: string, clid: string, userfield: string) => {
  const fields = line.split('","');
  fields[4] = clid.replace(/"/g, '""');
  fields[17] = `${userfield}"`;
  return fields.join('","');
};

/**
 * The sample's Master.csv with a windows-1251 caller name on line 3 (`"Иван" <1001>`, which no
 * reading as UTF-8 survives) and a latin-1 one on line 9 (`José`, the single byte 0xE9).
 */
function legacyCdr() {
  const lines: Buffer[] = sampleLines('Master.csv').map((l) => Buffer.from(l));
  const text = sampleLines('Master.csv');
  lines[2] = iconv.encode(cdrLine(text[2] as string, '"Иван" <1001>', 'Жалоба'), 'windows-1251');
  lines[8] = iconv.encode(cdrLine(text[8] as string, '"José" <1005>', 'café'), 'latin1');
  return lines;
}

/** The quarantined rows of an import as the import log keeps them. */
const kept = (importId: number | null) =>
  env.rt.db
    .selectFrom('import_quarantine')
    .select(['line', 'raw', 'raw_bytes'])
    .where('import_id', '=', importId as number)
    .orderBy('line')
    .execute();
const bytesOf = (row: { raw_bytes: unknown } | undefined) => Buffer.from(row?.raw_bytes as Buffer);

const userfield = async (callId: string) =>
  (await env.rt.analytics.rows(`SELECT userfield FROM pbx_cdr WHERE call_id = '${callId}'`))[0]?.userfield;

describe('an Asterisk CDR that is not all UTF-8', () => {
  it('loads every line, each read in the encoding that reads it as text, and says which', async () => {
    const file = write('Master.csv', legacyCdr());
    const report = await importAs(file);
    expect(report).toMatchObject({ status: 'done', format: 'asterisk-cdr', read: 43, loaded: 43 });
    expect(report.quarantined).toBe(0);
    const note = report.notes.find((n) => n.includes('not UTF-8'));
    expect(note).toBe(
      'the file is not UTF-8: 2 line(s) are not; 1 line(s) read as windows-1251 (3); ' +
        '1 line(s) read as windows-1252 (9); name its encoding with --encoding to read every line in it',
    );
    expect(await userfield('1791180790.3')).toBe('Жалоба');
    expect(await userfield('1791183800.9')).toBe('café');
  });

  it('quarantines a line no likely encoding reads, with its line, reason and bytes', async () => {
    const lines = legacyCdr();
    const text = sampleLines('Master.csv');
    // bytes windows-1251 and windows-1252 both lack a character for (0x98, 0x81)
    const [head, tail] = cdrLine(text[11] as string, '"@" <1002>', '').split('@');
    lines[11] = Buffer.concat([
      Buffer.from(head as string),
      Buffer.from([0x98, 0x81]),
      Buffer.from(tail as string),
    ]);
    const file = write('Master.csv', lines);
    const report = await importAs(file);
    expect(report).toMatchObject({ read: 43, loaded: 42, quarantined: 1 });
    expect(report.quarantine[0]?.line).toBe(12);
    // the encodings tried: the two fallbacks and whatever the detector guessed
    expect(report.quarantine[0]?.reason).toMatch(
      /^the line is not UTF-8 and reads as text in none of windows-1251, .*windows-1252.*; its bytes are kept$/,
    );
    // its text marks the bytes read as nothing; the bytes themselves are kept
    expect(report.quarantine[0]?.raw).toContain('""\uFFFD\uFFFD"" <1002>');
    const [row] = await kept(report.importId);
    expect(bytesOf(row).equals(lines[11] as Buffer)).toBe(true);
    expect(report.notes.join(' ')).toMatch(/1 line\(s\) read as text in none of .*, quarantined \(12\)/);
  });

  it('keeps the bytes of a line quarantined for another reason, its text read as it was loaded', async () => {
    const lines = legacyCdr();
    const text = sampleLines('Master.csv');
    const broken = cdrLine(text[4] as string, '"Пётр" <1005>', '').replace('2026-10-05 09:17:45', 'soon');
    lines[4] = iconv.encode(broken, 'windows-1251');
    const report = await importAs(write('Master.csv', lines));
    expect(report).toMatchObject({ read: 43, loaded: 42, quarantined: 1 });
    expect(report.quarantine[0]?.line).toBe(5);
    expect(report.quarantine[0]?.reason).toMatch(/^start: /);
    expect(report.quarantine[0]?.raw).toContain('Пётр');
    const [row] = await kept(report.importId);
    expect(row?.raw).toContain('Пётр');
    expect(bytesOf(row).equals(lines[4] as Buffer)).toBe(true);
  });

  it('reads every line in the encoding named with --encoding, keeping the bytes of bad ones', async () => {
    const lines = legacyCdr();
    const text = sampleLines('Master.csv');
    lines[4] = iconv.encode(
      cdrLine(text[4] as string, '"Пётр" <1005>', '').replace('2026-10-05 09:17:45', 'soon'),
      'windows-1251',
    );
    const report = await importAs(write('Master.csv', lines), 'windows-1251');
    expect(report).toMatchObject({ read: 43, loaded: 42, quarantined: 1 });
    const [row] = await kept(report.importId);
    expect(row).toMatchObject({ line: 5 });
    expect(row?.raw).toContain('Пётр');
    expect(bytesOf(row).equals(lines[4] as Buffer)).toBe(true);
    expect(report.notes.some((n) => n.includes('UTF-8'))).toBe(false);
    expect(await userfield('1791180790.3')).toBe('Жалоба');
    // windows-1251 has й where latin-1 has é: the file was said to be windows-1251 throughout
    expect(await userfield('1791183800.9')).toBe('cafй');
  });
});

describe('an Asterisk queue_log that is not all UTF-8', () => {
  /** One more queued call, in a queue named in windows-1251, and a member named in latin-1. */
  const legacyQueueLog = () => [
    ...sampleLines('queue_log').map((l) => Buffer.from(l)),
    iconv.encode('1791290000|NONE|sales|José Díaz|ADDMEMBER|', 'latin1'),
    iconv.encode('1791290010|1791290010.99|Продажи|NONE|ENTERQUEUE||+37360000001|1', 'windows-1251'),
    iconv.encode('1791290040|1791290010.99|Продажи|NONE|ABANDON|1|1|30', 'windows-1251'),
  ];

  it('loads its lines, the names read in their likely encoding', async () => {
    const report = await importAs(write('queue_log', legacyQueueLog()));
    expect(report).toMatchObject({
      status: 'done',
      format: 'queue-log',
      read: 33,
      loaded: 33,
      quarantined: 0,
    });
    expect(report.notes.join(' ')).toMatch(
      /not UTF-8: 3 line\(s\) are not; 2 line\(s\) read as windows-1251 \(116, 117\); 1 line\(s\) read as windows-1252 \(115\)/,
    );
    const [call] = await env.rt.analytics.rows(
      `SELECT queue, disposition FROM calls WHERE call_id = '1791290010.99'`,
    );
    expect(call).toEqual({ queue: 'Продажи', disposition: 'abandoned' });
  });

  it('reads every line in the encoding named with --encoding, keeping the bytes of bad ones', async () => {
    const bad = iconv.encode('soon|1791290010.99|Продажи|NONE|INFO|перезвонить', 'windows-1251');
    const report = await importAs(write('queue_log', [...legacyQueueLog(), bad]), 'windows-1251');
    expect(report).toMatchObject({ read: 34, loaded: 33, quarantined: 1 });
    expect(report.quarantine[0]).toEqual({
      line: 118,
      reason: 'epoch: is not a Unix time',
      raw: 'soon|1791290010.99|Продажи|NONE|INFO|перезвонить',
    });
    const [row] = await kept(report.importId);
    expect(bytesOf(row).equals(bad)).toBe(true);
    const [call] = await env.rt.analytics.rows(`SELECT queue FROM calls WHERE call_id = '1791290010.99'`);
    expect(call?.queue).toBe('Продажи');
  });
});

describe('reading a line as text', () => {
  const read = (text: string, from: string, as: string) => iconv.decode(iconv.encode(text, from), as);

  it('takes a name read in its own encoding', () => {
    expect(misreadings(read('"Иван Петров" <1001>', 'windows-1251', 'windows-1251'))).toBe(0);
    expect(misreadings(read('"José Müller" <1003>', 'latin1', 'windows-1252'))).toBe(0);
    expect(misreadings('«Продажи» № 2 – café')).toBe(0);
  });

  it('refuses one read in the wrong encoding', () => {
    expect(read('Иван', 'windows-1251', 'windows-1252')).toBe('Èâàí');
    expect(misreadings(read('"Иван" <1001>', 'windows-1251', 'windows-1252'))).toBeGreaterThan(0);
    expect(misreadings(read('"José" <1003>', 'latin1', 'windows-1251'))).toBeGreaterThan(0);
    expect(misreadings(iconv.decode(Buffer.from([0x98, 0x81]), 'windows-1251'))).toBeGreaterThan(0);
    expect(misreadings('a\u0090b')).toBeGreaterThan(0);
  });
});

describe('a gzipped CDR that is not all UTF-8', () => {
  it('is read the same, the bytes of its quarantined lines taken from inside the gzip', async () => {
    const lines = legacyCdr();
    const text = sampleLines('Master.csv');
    lines[4] = iconv.encode(
      cdrLine(text[4] as string, '"Пётр" <1005>', '').replace('2026-10-05 09:17:45', 'soon'),
      'windows-1251',
    );
    const file = path.join(env.dir, 'Master.csv.gz');
    writeFileSync(file, gzipSync(Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')]))));
    const report = await importAs(file);
    expect(report).toMatchObject({ format: 'asterisk-cdr', read: 43, loaded: 42, quarantined: 1 });
    expect(report.notes.join(' ')).toMatch(/2 line\(s\) read as windows-1251 \(3, 5\)/);
    const [row] = await kept(report.importId);
    expect(row?.raw).toContain('Пётр');
    expect(bytesOf(row).equals(lines[4] as Buffer)).toBe(true);
    expect(await userfield('1791183800.9')).toBe('café');
  });
});
