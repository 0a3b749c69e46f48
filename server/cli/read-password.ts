import { readFileSync } from 'node:fs';
import { env } from '../config.ts';
import { UsageError } from './args.ts';

/** The password comes from CALLSCORE_PASSWORD or standard input, never from the command line. */
export function readPassword(): string {
  if (env.CALLSCORE_PASSWORD) return env.CALLSCORE_PASSWORD;
  if (process.stdin.isTTY)
    throw new UsageError('pipe the password on standard input or set CALLSCORE_PASSWORD');
  const text = readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
  if (!text) throw new UsageError('no password on standard input');
  return text;
}
