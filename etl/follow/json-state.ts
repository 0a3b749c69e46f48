import { readFile, rename, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import type { FollowState } from './follow-position.ts';

const position = z.object({
  inode: z.string(),
  firstLine: z.string().nullable(),
  offset: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  lines: z.number().int().nonnegative(),
  lastEventAt: z.string().nullable(),
});

/**
 * The position in a small JSON file, for a follow that sends its batches to a server (--via):
 * that process has no data directory of its own. Written to a new file and renamed over the old,
 * so a kill leaves the old position or the new, never half of one.
 */
export function jsonFileState(file: string): FollowState {
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return null;
      }
      return position.parse(JSON.parse(text));
    },
    async save(p) {
      await writeFile(`${file}.new`, `${JSON.stringify(p)}\n`);
      await rename(`${file}.new`, file);
    },
  };
}
