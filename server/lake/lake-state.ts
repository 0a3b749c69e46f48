import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { stateFile, tmpFileFor } from '../../stores/lake/layout.ts';

/** A partition's content as the writer saw it: its rows and the XOR of their hashes. */
const fingerprint = z.object({ rows: z.number().int().nonnegative(), hash: z.string() });
export type Fingerprint = z.infer<typeof fingerprint>;

/** Per table, per partition (`YYYY-MM`, or '' for an unpartitioned table): what its file holds. */
const lakeState = z.object({
  version: z.literal(1),
  tables: z.record(z.string(), z.record(z.string(), fingerprint)),
});
export type LakeState = z.infer<typeof lakeState>;

const EMPTY: LakeState = { version: 1, tables: {} };

/** The lake's state; none (a new lake, or an unreadable file) means every partition is written. */
export function readLakeState(root: string): LakeState {
  try {
    return lakeState.parse(JSON.parse(readFileSync(stateFile(root), 'utf8')));
  } catch {
    return structuredClone(EMPTY);
  }
}

/**
 * Writes a file whole or not at all: `write` fills a hidden temporary file beside it, which is
 * synced and renamed over it. A reader opens the old file or the new one, never a part of either.
 */
export async function replaceFile(
  file: string,
  write: (tmp: string) => Promise<void> | void,
  beforeRename?: () => void,
): Promise<void> {
  const tmp = tmpFileFor(file, `${process.pid}-${randomUUID().slice(0, 8)}`);
  await write(tmp);
  const fd = openSync(tmp, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  beforeRename?.();
  renameSync(tmp, file);
}

export async function writeLakeState(root: string, state: LakeState): Promise<void> {
  await replaceFile(stateFile(root), (tmp) => writeFileSync(tmp, `${JSON.stringify(state, null, 1)}\n`));
}
