import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../etl/import-file.ts';
import { mappedOptions } from '../../etl/mapping/mapped-reader.ts';
import { readMappingFile } from '../../etl/mapping/parse-mapping.ts';
import { type TestEnv, testEnv } from '../helpers/runtime.ts';

/**
 * The ready mappings of docs/mappings/, each importing a small sample of its platform's export
 * (tests/etl/mapping-samples/) as the platform writes it.
 */
const DOCS = new URL('../../docs/mappings/', import.meta.url).pathname;
const SAMPLES = new URL('./mapping-samples/', import.meta.url).pathname;
const TZ = 'Europe/Chisinau';

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv({ timeZone: TZ });
  writeFileSync(path.join(env.dir, 'teams.csv'), 'team_id,name\nT1,One\n');
  writeFileSync(
    path.join(env.dir, 'operators.csv'),
    'operator_id,name,team_id,pbx_ids\n' +
      'ann,Ann,T1,E201;2101;7f3b2f0e-aaaa-4a0b-9a3c-000000000a01\n' +
      'bob,Bob,T1,E203;2102;7f3b2f0e-aaaa-4a0b-9a3c-000000000a02\n',
  );
  for (const kind of ['teams', 'operators'] as const) {
    await importFile(env.rt, { kind, file: path.join(env.dir, `${kind}.csv`), actor: 't', timeZone: TZ });
  }
});
afterAll(() => env.dispose());

async function importSample(mapping: string, sample: string, pbx: string) {
  const m = await readMappingFile(path.join(DOCS, mapping));
  const report = await importFile(env.rt, {
    kind: 'calls',
    file: path.join(SAMPLES, sample),
    actor: 't',
    timeZone: TZ,
    pbx,
    ...mappedOptions(m),
  });
  const calls = await env.rt.analytics.rows(
    `SELECT call_id, strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS started, direction,
       disposition, operator_id, phone, queue, talk_s::INT AS talk, hold_s::INT AS hold, wrap_s::INT AS wrap
     FROM calls WHERE starts_with(call_id, $p) ORDER BY call_id`,
    { p: `${pbx}:` },
  );
  return { report, calls };
}

describe('ready mappings', () => {
  it('Avaya IP Office SMDR: no header, one record per call leg, times local', async () => {
    const { report, calls } = await importSample('avaya-ip-office-smdr.json', 'smdr.txt', 'ipo');
    expect(report).toMatchObject({ format: 'mapped', read: 6, loaded: 5, quarantined: 1 });
    expect(report.quarantine[0]).toMatchObject({ line: 6, reason: expect.stringMatching(/^started_at: /) });
    expect(report.notes).toContain(
      '1 record names an agent no operator has among his PBX ids (such as "E202"): loaded without an operator',
    );
    expect(calls).toEqual([
      {
        call_id: 'ipo:1000101-E201',
        started: '2026-10-01T06:00:05Z',
        direction: 'inbound',
        disposition: 'answered',
        operator_id: 'ann',
        phone: '0601234567',
        queue: null,
        talk: 195,
        hold: 12,
        wrap: null,
      },
      {
        call_id: 'ipo:1000102-E202',
        started: '2026-10-01T06:02:40Z',
        direction: 'inbound',
        disposition: 'no_answer',
        operator_id: null,
        phone: '0697654321',
        queue: null,
        talk: 0,
        hold: 0,
        wrap: null,
      },
      {
        call_id: 'ipo:1000103-E201',
        started: '2026-10-01T06:10:00Z',
        direction: 'outbound',
        disposition: 'answered',
        operator_id: 'ann',
        phone: '201',
        queue: null,
        talk: 62,
        hold: 0,
        wrap: null,
      },
      {
        call_id: 'ipo:1000104-E201',
        started: '2026-10-01T06:15:30Z',
        direction: 'inbound',
        disposition: 'answered',
        operator_id: 'ann',
        phone: '0601112222',
        queue: null,
        talk: 120,
        hold: 0,
        wrap: null,
      },
      {
        call_id: 'ipo:1000104-E203',
        started: '2026-10-01T06:15:30Z',
        direction: 'inbound',
        disposition: 'answered',
        operator_id: 'bob',
        phone: '0601112222',
        queue: null,
        talk: 90,
        hold: 5,
        wrap: null,
      },
    ]);
  });

  it('Cisco UCCX Detailed Call by Call CCDR report: 12-hour times, HH:MM:SS durations', async () => {
    const { report, calls } = await importSample('cisco-uccx-ccdr.json', 'uccx-ccdr.csv', 'uccx');
    expect(report).toMatchObject({ read: 4, loaded: 3, quarantined: 1 });
    expect(report.quarantine[0]).toMatchObject({
      line: 5,
      reason: expect.stringMatching(/^started_at: .*; ended_at: /),
    });
    expect(calls).toEqual([
      {
        call_id: 'uccx:1-30000000001-0',
        started: '2026-10-01T06:00:00Z',
        direction: 'inbound',
        disposition: 'answered',
        operator_id: 'ann',
        phone: '0601234567',
        queue: 'Sales CSQ',
        talk: 220,
        hold: 10,
        wrap: 30,
      },
      {
        call_id: 'uccx:1-30000000002-0',
        started: '2026-10-01T06:05:00Z',
        direction: 'inbound',
        disposition: 'abandoned',
        operator_id: null,
        phone: '0697654321',
        queue: 'Sales CSQ',
        talk: 0,
        hold: 0,
        wrap: 0,
      },
      {
        call_id: 'uccx:1-30000000003-0',
        started: '2026-10-01T10:15:00Z',
        direction: 'outbound',
        disposition: 'answered',
        operator_id: 'bob', // the originator: an agent's outbound call
        phone: '2102',
        queue: null,
        talk: 110,
        hold: 0,
        wrap: 20,
      },
    ]);
  });

  it('Genesys Cloud conversation details: ISO times in UTC, milliseconds, agents by user id', async () => {
    const { report, calls } = await importSample(
      'genesys-cloud-conversations.json',
      'genesys-conversations.jsonl',
      'gc',
    );
    expect(report).toMatchObject({ read: 5, loaded: 4, quarantined: 1 });
    expect(report.quarantine[0]).toMatchObject({
      line: 4,
      reason: expect.stringMatching(/^direction: is not one of/),
    });
    expect(calls).toEqual([
      {
        call_id: 'gc:5a1c9c1e-0001-4c59-9f0e-000000000001',
        started: '2026-10-01T06:00:00Z',
        direction: 'inbound',
        disposition: 'answered',
        operator_id: 'ann',
        phone: '+37360123456',
        queue: 'Sales',
        talk: 201,
        hold: 15,
        wrap: 30,
      },
      {
        call_id: 'gc:5a1c9c1e-0002-4c59-9f0e-000000000002',
        started: '2026-10-01T06:10:00Z',
        direction: 'inbound',
        disposition: 'abandoned',
        operator_id: null,
        phone: '+37369765432',
        queue: 'Sales',
        talk: null,
        hold: null,
        wrap: null,
      },
      {
        call_id: 'gc:5a1c9c1e-0003-4c59-9f0e-000000000003',
        started: '2026-10-01T07:00:00Z',
        direction: 'outbound',
        disposition: 'answered',
        operator_id: 'bob',
        phone: '+37369111222', // the number dialled (dnis) of an outbound conversation
        queue: null,
        talk: 100,
        hold: 0,
        wrap: 10,
      },
      {
        // Only the IVR flow took it: no agent talked, nobody abandoned a queue.
        call_id: 'gc:5a1c9c1e-0005-4c59-9f0e-000000000005',
        started: '2026-10-01T09:00:00Z',
        direction: 'inbound',
        disposition: 'no_answer',
        operator_id: null,
        phone: '+37360555555',
        queue: null,
        talk: null,
        hold: null,
        wrap: null,
      },
    ]);
  });
});
