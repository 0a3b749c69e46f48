import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isUtf8File, replaceInvalidUtf8 } from '../../etl/input/utf8.ts';
import { tempDir } from '../helpers/runtime.ts';

/** Bytes that are not UTF-8 in a canonical file: found whatever the chunk boundaries, replaced line by line. */

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const CHUNK = 1 << 20;

describe('isUtf8File', () => {
  it('tells a character cut by a chunk boundary from bytes that are not one, at every cut', async () => {
    const file = path.join(dir, 'cut.txt');
    for (let off = 0; off < 6; off++) {
      const pre = 'a'.repeat(CHUNK - off);
      writeFileSync(file, `${pre}€ßя\n`);
      expect(await isUtf8File(file), `valid, cut ${off} before the boundary`).toBe(true);
      writeFileSync(file, Buffer.concat([Buffer.from(pre), Buffer.from([0xe2, 0x82]), Buffer.from('x\n')]));
      expect(await isUtf8File(file), `a cut character, ${off} before the boundary`).toBe(false);
    }
  });
});

describe('replaceInvalidUtf8', () => {
  it('replaces the bad bytes of each line with U+FFFD, keeps every line where it was, and names them', async () => {
    const src = path.join(dir, 'in.csv');
    const dst = path.join(dir, 'out.csv');
    const lines = [
      Buffer.from('id,name\n'),
      Buffer.from('1,Ana\n'),
      Buffer.concat([Buffer.from('2,'), Buffer.from([0xc8, 0xe2, 0xe0, 0xed]), Buffer.from('\n')]), // Иван, Windows-1251
      Buffer.from('3,Ion\n'),
      Buffer.concat([Buffer.from('4,Jos'), Buffer.from([0xe9])]), // José, Windows-1252, no line feed at the end
    ];
    writeFileSync(src, Buffer.concat(lines));
    const replaced = await replaceInvalidUtf8(src, dst);
    // A Cyrillic name and a Western one: no one encoding reads both.
    expect(replaced).toEqual({ count: 2, lines: [3, 5], guess: null });
    expect(readFileSync(dst, 'utf8')).toBe('id,name\n1,Ana\n2,\uFFFD\uFFFD\uFFFD\uFFFD\n3,Ion\n4,Jos\uFFFD');
  });

  it('names the encoding that reads the lines as text', async () => {
    const src = path.join(dir, 'in.csv');
    // Служба продаж in Windows-1251
    const cyrillic = Buffer.from([
      0xd1, 0xeb, 0xf3, 0xe6, 0xe1, 0xe0, 0x20, 0xef, 0xf0, 0xee, 0xe4, 0xe0, 0xe6,
    ]);
    writeFileSync(src, Buffer.concat([Buffer.from('1,'), cyrillic, Buffer.from('\n')]));
    expect((await replaceInvalidUtf8(src, path.join(dir, 'out.csv'))).guess).toBe('windows-1251');
  });
});
