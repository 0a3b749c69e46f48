import { open } from 'node:fs/promises';
import { splitCsvLine } from '../core/csv-line.ts';
import { AppError } from '../core/errors.ts';

/**
 * One header line's names, RFC 4180 quoting; blanks get names of their own. A name given twice
 * refuses the file: which of the two columns holds the value is a guess no import should make.
 */
export function headerNames(line: string, delim: string): string[] {
  const names = splitCsvLine(line, delim);
  const seen = new Map<string, number>();
  return names.map((n, i) => {
    let name = n || `column${i}`;
    const first = seen.get(n);
    if (n && first !== undefined) {
      throw new AppError(
        'bad_request',
        `the header names the column "${n}" twice (columns ${first + 1} and ${i + 1}); rename or remove one`,
      );
    }
    for (let k = 1; seen.has(name); k++) name = `${n}_${k}`;
    seen.set(name, i);
    return name;
  });
}

/** The header of a CSV file: its names and delimiter, `,` or `;`, whichever separates them. */
export async function csvHeader(file: string): Promise<{ names: string[]; delim: string }> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const line = (buf.subarray(0, bytesRead).toString('utf8').split(/\r?\n/)[0] ?? '').replace(/^\uFEFF/, '');
    if (line.trim() === '') return { names: [], delim: ',' };
    const unquoted = line.replace(/"[^"]*"/g, '');
    const count = (ch: string) => unquoted.split(ch).length - 1;
    const delim = count(';') > count(',') ? ';' : ',';
    return { names: headerNames(line, delim), delim };
  } finally {
    await fh.close();
  }
}
