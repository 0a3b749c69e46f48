import type { ImportPhase, OnProgress } from '../../etl/progress.ts';

const WIDTH = 30;
const LABEL: Record<ImportPhase | 'uploading' | 'waiting', string> = {
  checksum: 'checksum',
  reading: 'reading',
  checking: 'checking',
  loading: 'loading',
  logging: 'logging',
  uploading: 'uploading',
  waiting: 'importing on the server',
};

/**
 * A one-line progress bar on stderr, redrawn in place, when `wanted` and for a terminal only: piped or redirected
 * output gets no control characters. `done()` clears the line.
 */
export function progressBar(
  file: string,
  wanted: boolean,
  stream: NodeJS.WriteStream = process.stderr,
): { update: OnProgress & ((phase: keyof typeof LABEL, fraction: number | null) => void); done(): void } {
  if (!wanted || !stream.isTTY) return { update: () => {}, done: () => {} };
  let last = '';
  return {
    update(phase, fraction) {
      const bar =
        fraction === null ? ' '.repeat(WIDTH) : '#'.repeat(Math.round(fraction * WIDTH)).padEnd(WIDTH, '.');
      const pct = fraction === null ? '' : ` ${Math.floor(fraction * 100)}%`;
      const line = `${file} [${bar}] ${LABEL[phase]}${pct}`;
      if (line === last) return;
      last = line;
      stream.write(`\r\x1b[2K${line}`);
    },
    done() {
      if (last) stream.write('\r\x1b[2K');
    },
  };
}
