import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { BIGINT, type DuckDBConnection, LIST, listValue, VARCHAR } from '@duckdb/node-api';
import { APPEND_LINES_SQL, CREATE_FILE_LINES_SQL } from './text.sql.ts';

/**
 * How many lines a reader stages at a time: the file is read as a stream and its lines go to
 * DuckDB's `file_lines` a batch at a time, so that the process never holds more of the file than
 * one batch (DuckDB's table spills to disk beyond its memory limit). 20,000 CDR lines are a few MB.
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

/** Stages the file's lines in `file_lines(line, text)`, numbered from 1, `batch` lines at a time. */
export async function stageFileLines(
  c: DuckDBConnection,
  file: string,
  batch: number = LINE_BATCH,
): Promise<void> {
  await c.run(CREATE_FILE_LINES_SQL);
  let lines: string[] = [];
  let next = 1;
  const flush = async () => {
    if (!lines.length) return;
    await c.run(
      APPEND_LINES_SQL,
      { first: next, lines: listValue(lines) },
      { first: BIGINT, lines: LIST(VARCHAR) },
    );
    next += lines.length;
    lines = [];
  };
  for await (const line of readLines(file)) {
    lines.push(line);
    if (lines.length >= batch) await flush();
  }
  await flush();
}
