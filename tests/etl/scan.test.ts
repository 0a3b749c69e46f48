import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanFile } from '../../etl/input/scan.ts';

/** The reader's chunk: a file of several of them has lines that begin in one and end in the next. */
const CHUNK = 1 << 20;
const LIMIT = 5000;

let dir: string;
let previousLimit: string | undefined;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'callscore-scan-'));
  previousLimit = process.env.CALLSCORE_MAX_LINE_BYTES;
  process.env.CALLSCORE_MAX_LINE_BYTES = String(LIMIT);
});
afterAll(() => {
  if (previousLimit === undefined) delete process.env.CALLSCORE_MAX_LINE_BYTES;
  else process.env.CALLSCORE_MAX_LINE_BYTES = previousLimit;
  rmSync(dir, { recursive: true, force: true });
});

/** Every line but a long one is this many bytes, so making one of them Latin-1 moves no other. */
const WIDTH = 160;
const padded = (head: Buffer) => Buffer.concat([head, Buffer.alloc(WIDTH - head.length, 0x78)]);

/**
 * Lines of text with, at chosen line numbers, one not UTF-8 (Latin-1 bytes) or one too long.
 */
function fileOf(lines: number, bad: ReadonlyMap<number, 'latin1' | 'long'>) {
  const parts: Buffer[] = [];
  for (let n = 1; n <= lines; n++) {
    const kind = bad.get(n);
    const text =
      kind === 'latin1'
        ? padded(Buffer.from(`CALL-${n},Chi\u015Fin\u0103u caf\u00E9,`, 'latin1'))
        : kind === 'long'
          ? Buffer.alloc(LIMIT + 1 + n, 0x78)
          : padded(Buffer.from(`CALL-${n},${'\u00E9'.repeat(n % 7)},`));
    parts.push(text, Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}

/** The lines whose first byte is in one chunk of the reader and whose line feed is in a later one. */
function straddling(bytes: Buffer): number[] {
  const out: number[] = [];
  for (let start = 0, n = 1; start < bytes.length; n++) {
    const end = bytes.indexOf(10, start);
    if (Math.floor(start / CHUNK) !== Math.floor(end / CHUNK)) out.push(n);
    start = end + 1;
  }
  return out;
}

describe('scanning a file before its import', () => {
  it('finds every line not UTF-8 and every line too long, on both sides of the chunk boundaries', async () => {
    const lines = 30_000;
    const bad = new Map<number, 'latin1' | 'long'>([
      [1, 'latin1'],
      [2, 'long'],
      [777, 'latin1'],
      [6_600, 'latin1'],
      [6_601, 'long'],
      [13_100, 'latin1'],
      [20_000, 'long'],
      [lines, 'latin1'],
    ]);
    expect(fileOf(lines, bad).length).toBeGreaterThan(4 * CHUNK);
    // Bad lines that a chunk finishes, so the line a chunk begins with is bad itself: two made
    // Latin-1 (no line moves), and the last such line made too long (only the lines after it move).
    const cut = straddling(fileOf(lines, bad)).filter((n) => !bad.has(n));
    const [one, two] = cut;
    const last = cut[cut.length - 1];
    expect(cut.length).toBeGreaterThan(3);
    bad
      .set(one as number, 'latin1')
      .set(two as number, 'latin1')
      .set(last as number, 'long');
    const content = fileOf(lines, bad);
    expect(straddling(content)).toEqual(expect.arrayContaining([one, two, last]));
    const file = path.join(dir, 'calls.csv');
    writeFileSync(file, content);

    const scan = await scanFile(file, content.length);
    const of = (kind: 'latin1' | 'long') =>
      [...bad]
        .filter(([, k]) => k === kind)
        .map(([n]) => n)
        .sort((a, b) => a - b);
    expect(scan.lines).toBe(lines);
    expect(scan.checksum).toBe(createHash('sha256').update(content).digest('hex'));
    expect(scan.notUtf8).toEqual(of('latin1'));
    expect(scan.notUtf8Count).toBe(of('latin1').length);
    expect(scan.longLines.map((l) => l.line)).toEqual(of('long'));
    expect(scan.longLines[0]?.bytes).toBe(LIMIT + 1 + (of('long')[0] ?? 0));
    expect(scan.sample.includes(Buffer.from('Chi', 'latin1'))).toBe(true);
  });

  it('counts a last line without a line feed, and a file without any', async () => {
    const file = path.join(dir, 'tail.csv');
    writeFileSync(file, 'a\nb\nc');
    expect((await scanFile(file)).lines).toBe(3);
    writeFileSync(file, 'only');
    expect((await scanFile(file)).lines).toBe(1);
    writeFileSync(file, '');
    expect((await scanFile(file)).lines).toBe(0);
  });
});
