import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../etl/detect-format.ts';
import { PLATFORM_READERS } from '../../etl/platforms/registry.ts';

/**
 * Each platform's export is known by its first bytes (a header, a record's shape, a JSON shape),
 * by exactly one reader; the canonical files and Asterisk's are known by none.
 */
const GOLDEN = new URL('./golden/', import.meta.url).pathname;
const file = (rel: string) => path.join(GOLDEN, rel);

const PLATFORM_FILES: [string, string][] = [
  ['freeswitch-csv/Master.csv', 'freeswitch-csv'],
  ['freeswitch-json/cdr.jsonl', 'freeswitch-json'],
  ['freeswitch-json/a_u-9.cdr.json', 'freeswitch-json'],
  ['3cx/cdr.log', '3cx'],
  ['3cx/cdr-header.csv', '3cx'],
  ['3cx-cdroutput/cdroutput.csv', '3cx-cdroutput'],
  ['vicidial/vicidial_closer_log.csv', 'vicidial-closer'],
  ['vicidial/vicidial_log.tsv', 'vicidial-log'],
  ['vicidial/vicidial_agent_log.csv', 'vicidial-agent'],
  ['amazon-connect/ctr.jsonl', 'amazon-connect'],
  ['amazon-connect/ctr-firehose', 'amazon-connect'],
];

const OTHER_FILES: [string, string][] = [
  ['every-kind-csv/calls.csv', 'csv'],
  ['every-kind-csv/operators.csv', 'csv'],
  ['every-kind-jsonl/calls.jsonl', 'jsonl'],
  ['every-kind-jsonl/operators.jsonl', 'jsonl'],
  ['cdr-legs/Master.csv', 'asterisk-cdr'],
  ['../asterisk-sample/Master.csv', 'asterisk-cdr'],
  ['../asterisk-sample/queue_log', 'queue-log'],
  ['queue-log-abandons/queue_log', 'queue-log'],
];

const head = (rel: string) => readFileSync(file(rel)).subarray(0, 8192).toString('utf8');

describe('platform detection', () => {
  it.each(PLATFORM_FILES)('%s is %s', async (rel, format) => {
    expect(await detectFormat(file(rel))).toBe(format);
    const readers = PLATFORM_READERS.filter((r) => r.detect(head(rel), path.basename(rel)));
    expect(readers.map((r) => r.format)).toEqual([format]);
  });

  it.each(OTHER_FILES)('%s stays %s', async (rel, format) => {
    expect(PLATFORM_READERS.filter((r) => r.detect(head(rel), path.basename(rel)))).toEqual([]);
    expect(await detectFormat(file(rel))).toBe(format);
  });

  it('knows a mod_json_cdr record whose variables a long callStats pushes past the first 8 KB', () => {
    const record = JSON.stringify({
      'core-uuid': 'c0de',
      switchname: 'fs1',
      channel_data: { state: 'CS_REPORTING' },
      callStats: { audio: { inbound: { samples: 'x'.repeat(9000) } } },
      variables: { uuid: 'u-1' },
    });
    const head = record.slice(0, 8192);
    expect(head).not.toContain('"variables"');
    expect(PLATFORM_READERS.filter((r) => r.detect(head, 'a_u-1.cdr.json')).map((r) => r.format)).toEqual([
      'freeswitch-json',
    ]);
  });

  it('every platform format has its reader, reading calls or, from an agent log, operator states', () => {
    expect(PLATFORM_READERS.map((r) => r.format).sort()).toEqual([
      '3cx',
      '3cx-cdroutput',
      'amazon-connect',
      'freeswitch-csv',
      'freeswitch-json',
      'vicidial-agent',
      'vicidial-closer',
      'vicidial-log',
    ]);
    expect(Object.fromEntries(PLATFORM_READERS.map((r) => [r.format, r.kind]))).toMatchObject({
      'vicidial-agent': 'operator-states',
      'vicidial-log': 'calls',
    });
    expect(PLATFORM_READERS.filter((r) => r.kind !== 'calls').map((r) => r.format)).toEqual([
      'vicidial-agent',
    ]);
  });
});
