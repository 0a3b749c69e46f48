import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { DuckDBConnection } from '@duckdb/node-api';
import { CREATE_FILE_LINES_SQL } from './text.sql.ts';

/**
 * How many lines a reader hands to DuckDB at a time: the file is read as a stream and its lines
 * appended to `file_lines`, so that the process never holds more of the file than a batch and
 * DuckDB's table, like any, spills to disk beyond the store's memory limit. (Read whole as one
 * value, a file larger than that limit could not be read at all.) 20,000 CDR lines are a few MB.
 */
export const LINE_BATCH = 20_000;

/**
 * The file's lines, as text: split at `\n`, a `\r` before it taken off, the BOM taken off the
 * first. Bytes that are not UTF-8 read as U+FFFD (a platform's export is read as UTF-8).
 */
export async function* readLines(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let first = true;
  const lineOf = (text: string) => {
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (!first) return line;
    first = false;
    return line.startsWith('\uFEFF') ? line.slice(1) : line;
  };
  for await (const chunk of createReadStream(file)) {
    const text = rest + decoder.write(chunk as Buffer);
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) yield lineOf(part);
  }
  rest += decoder.end();
  // A file ending in a line end has an empty last line, as a split of the whole text gives.
  yield lineOf(rest);
}

/**
 * Stages the file's lines in `file_lines(line, text)`, numbered from 1: appended as they are read,
 * handed to DuckDB every `batch` lines.
 */
export async function stageFileLines(
  c: DuckDBConnection,
  file: string,
  batch: number = LINE_BATCH,
): Promise<void> {
  await c.run(CREATE_FILE_LINES_SQL);
  const appender = await c.createAppender('file_lines', 'main', 'temp');
  try {
    let line = 0;
    for await (const text of readLines(file)) {
      appender.appendBigInt(BigInt(++line));
      appender.appendVarchar(text);
      appender.endRow();
      if (line % batch === 0) appender.flushSync();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}
