import { open } from 'node:fs/promises';
import type { Format } from '../../schemas/import-report.ts';

/** The first bytes of a file as text, without a BOM. */
async function head(file: string, bytes = 65_536): Promise<string> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await fh.close();
  }
}

/**
 * The format of a transcripts file the user did not name: WebVTT by its `WEBVTT` line or `.vtt`,
 * a CSV by `.csv` or a first line that is not JSON; a JSON file is canonical JSON Lines when its
 * first line is a whole object with a `call_id`, else whisper's output (one object per file,
 * written on one line or many).
 */
export async function detectTranscriptFormat(file: string): Promise<Format> {
  const name = file.replace(/\.gz$/i, '');
  if (/\.vtt$/i.test(name)) return 'vtt';
  if (/\.csv$/i.test(name)) return 'csv';
  if (/\.(jsonl|ndjson)$/i.test(name)) return 'jsonl';
  const text = await head(file);
  if (/^WEBVTT([ \t\r\n]|$)/.test(text)) return 'vtt';
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  if (!first.trimStart().startsWith('{')) return /\.json$/i.test(name) ? 'whisper-json' : 'csv';
  try {
    const o = JSON.parse(first) as Record<string, unknown>;
    return o && typeof o === 'object' && 'call_id' in o ? 'jsonl' : 'whisper-json';
  } catch {
    return 'whisper-json';
  }
}
