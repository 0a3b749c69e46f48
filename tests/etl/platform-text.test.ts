import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { type Delimiter, splitFields } from '../../etl/platforms/text.sql.ts';

/** The readers' field split: RFC 4180 quoting, by a plain split where the line allows one. */
async function split(line: string, d: Delimiter = ','): Promise<string[]> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const rows = (await c.runAndReadAll(`SELECT ${splitFields('$t', d)} AS f`, { t: line })).getRows();
    return ((rows[0]?.[0] as { items: string[] } | undefined)?.items ?? []).map(String);
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

describe('splitting a delimited line', () => {
  it.each([
    ['a,,b', ['a', '', 'b']],
    [',a,', ['', 'a', '']],
    ['"a","","b"', ['a', '', 'b']],
    ['"x","y,z"', ['x', 'y,z']],
    ['"a ""q""",b', ['a "q"', 'b']],
    ['"a"",""b"', ['a","b']],
    ['"a","b","c', ['a', 'b', '"c']],
    ['1,"called back, ok",N', ['1', 'called back, ok', 'N']],
  ])('%s', async (line, fields) => {
    expect(await split(line)).toEqual(fields);
  });

  it('splits by tab and semicolon', async () => {
    expect(await split('\t2\t"x\ty"', '\t')).toEqual(['', '2', 'x\ty']);
    expect(await split('a;"b;c";', ';')).toEqual(['a', 'b;c', '']);
  });
});
