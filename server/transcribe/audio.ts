import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../core/errors.ts';
import { CallFailure } from './engine.ts';
import { capture, lastLine } from './spawn-capture.ts';

export interface AudioInfo {
  channels: number;
  seconds: number;
}

/** sox is how every recording is read: WAV (PCM, µ-law, A-law, GSM), Ogg/Vorbis, MP3 with libsox-fmt-all. */
export async function requireSox(): Promise<void> {
  const r = await capture('sox', ['--version']);
  if (r.missing) {
    throw new AppError(
      'bad_request',
      'sox is not installed: recordings are decoded with sox (Debian: apt-get install sox libsox-fmt-all)',
    );
  }
}

/** The recording's channels and length, or a CallFailure saying why it cannot be read. */
export async function probe(file: string): Promise<AudioInfo> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new CallFailure(`recording missing: ${file}`);
  const [ch, secs] = await Promise.all([capture('soxi', ['-c', file]), capture('soxi', ['-D', file])]);
  const channels = Number(ch.stdout.trim());
  const seconds = Number(secs.stdout.trim());
  if (ch.code !== 0 || secs.code !== 0 || !(channels > 0) || !Number.isFinite(seconds)) {
    throw new CallFailure(
      `recording unreadable: ${lastLine(ch.stderr || secs.stderr) || 'sox cannot read it'}`,
    );
  }
  return { channels, seconds };
}

/**
 * Decodes one channel (1-based) of the recording to 16 kHz mono 16-bit WAV in `dir`, what every
 * engine here reads. A stereo MixMonitor file has the agent on channel 1 and the customer on 2.
 */
export async function decodeChannel(file: string, channel: number, dir: string): Promise<string> {
  const out = path.join(dir, `ch${channel}.wav`);
  const r = await capture('sox', [
    file,
    '-r',
    '16000',
    '-b',
    '16',
    '-e',
    'signed-integer',
    out,
    'remix',
    String(channel),
  ]);
  if (r.code !== 0) throw new CallFailure(`recording unreadable: ${lastLine(r.stderr) || 'sox failed'}`);
  return out;
}
