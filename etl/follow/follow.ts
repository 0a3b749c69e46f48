import { createHash } from 'node:crypto';
import { type FSWatcher, watch } from 'node:fs';
import { type FileHandle, mkdtemp, open, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ImportReport } from '../../schemas/import-report.ts';
import type { TelephonyFormat } from '../asterisk/import-asterisk.ts';
import { killPoint } from '../kill-point.ts';
import type { FollowPosition, FollowState } from './follow-position.ts';
import { lastEventAt } from './last-event.ts';

/** What one imported batch did, for the progress line. */
export interface FollowProgress {
  /** The batch's name in the import log: `queue_log@<offset>`. */
  batch: string;
  lines: number;
  /** Calls with new events (a queue_log) or new CDR legs, as the import report counts them. */
  updated: number;
  totalLines: number;
  totalUpdated: number;
  lastEventAt: string | null;
}

export interface FollowOptions {
  path: string;
  format: TelephonyFormat;
  /** How long to wait between looks when no change is signalled. */
  intervalMs: number;
  state: FollowState;
  /** Imports one batch file (named `<file>@<offset>`) through the importer every file goes through. */
  importBatch: (file: string) => Promise<ImportReport>;
  signal: AbortSignal;
  onBatch?: (p: FollowProgress) => void;
  /** Rotations, a rotated file not found, a batch refused: one line each. */
  onNote?: (note: string) => void;
  /** The most bytes one batch holds, so catching up with a big file goes in steps. */
  maxBatchBytes?: number;
  /** Return once everything written so far is imported (a catch-up; the tests). */
  untilIdle?: boolean;
}

const FIRST_LINE_BYTES = 64 * 1024;

interface Opened {
  handle: FileHandle;
  inode: string;
}

async function firstLineOf(handle: FileHandle): Promise<string | null> {
  const buf = Buffer.alloc(FIRST_LINE_BYTES);
  const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
  const end = buf.subarray(0, bytesRead).indexOf(10);
  return end < 0 ? null : createHash('sha256').update(buf.subarray(0, end)).digest('hex');
}

async function tryOpen(file: string): Promise<Opened | null> {
  try {
    const handle = await open(file, 'r');
    return { handle, inode: String((await handle.stat()).ino) };
  } catch {
    return null;
  }
}

async function inodeAt(file: string): Promise<string | null> {
  try {
    return String((await stat(file)).ino);
  } catch {
    return null;
  }
}

/**
 * The complete lines from `offset` on, at most `max` bytes of them (more only when one line is
 * longer): a last line the PBX is still writing has no line end yet and waits for the next look.
 */
async function completeLines(handle: FileHandle, offset: number, max: number): Promise<Buffer | null> {
  const size = (await handle.stat()).size;
  let want = Math.min(size - offset, max);
  while (want > 0) {
    const buf = Buffer.alloc(want);
    const { bytesRead } = await handle.read(buf, 0, want, offset);
    const last = buf.subarray(0, bytesRead).lastIndexOf(10);
    if (last >= 0) return buf.subarray(0, last + 1);
    if (offset + bytesRead >= size) return null;
    want = Math.min(size - offset, want * 2);
  }
  return null;
}

const countLines = (bytes: Buffer) => {
  let n = 0;
  for (const b of bytes) if (b === 10) n++;
  return n;
};

/**
 * Follows a CDR or queue_log as the PBX writes it: imports each run of complete new lines as a
 * batch through the importer, keeps the position after every batch, and goes on in the new file
 * when the log is rotated (after the rest of the old one, where the rotation put it). Resolves
 * when `signal` aborts (between batches, so a batch is never cut) or, with `untilIdle`, once
 * nothing new is left.
 */
export async function followFile(o: FollowOptions): Promise<void> {
  const max = o.maxBatchBytes ?? 8 * 1024 ** 2;
  const dir = path.dirname(o.path);
  const base = path.basename(o.path);
  const tmp = await mkdtemp(path.join(tmpdir(), 'callscore-follow-'));
  let totalUpdated = 0;
  let pos: FollowPosition | null = await o.state.load();
  let cur: Opened | null = null;

  // A change in the log's folder wakes the loop at once; the interval is the fallback where
  // file events do not come (network file systems, some containers).
  let wake: (() => void) | null = null;
  // A change signalled while the loop was reading, not waiting: the next wait is cut short.
  let changed = false;
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, { persistent: false }, () => {
      changed = true;
      wake?.();
    });
    watcher.on('error', () => {
      watcher?.close();
      watcher = null;
    });
  } catch {
    watcher = null;
  }
  const pause = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wake = null;
        o.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, o.intervalMs);
      // a burst of writes is read as one batch: a moment's grace after the first change
      wake = () => {
        wake = null;
        changed = false;
        setTimeout(done, 50);
      };
      o.signal.addEventListener('abort', done);
      if (changed) wake();
    });

  /** Imports the complete lines of `handle` from the position on, batch by batch; returns how many lines. */
  const drain = async (handle: FileHandle, name: string): Promise<number> => {
    let read = 0;
    while (pos && !o.signal.aborted) {
      const bytes = await completeLines(handle, pos.offset, max);
      if (!bytes) break;
      const batchFile = path.join(tmp, `${name}@${pos.offset}`);
      await writeFile(batchFile, bytes);
      let report: ImportReport;
      try {
        report = await o.importBatch(batchFile);
      } catch (e) {
        // A server restarting, a store busy: the same lines again after a pause, never skipped.
        if (o.untilIdle || o.signal.aborted) throw e;
        o.onNote?.(`${name}@${pos.offset}: ${(e as Error).message}; trying again`);
        await pause();
        continue;
      } finally {
        await rm(batchFile, { force: true });
      }
      killPoint('follow-before-offset');
      const n = countLines(bytes);
      const text = bytes.toString('utf8').split('\n');
      pos = {
        ...pos,
        firstLine: pos.firstLine ?? (await firstLineOf(handle)),
        offset: pos.offset + bytes.length,
        size: (await handle.stat()).size,
        lines: pos.lines + n,
        lastEventAt: lastEventAt(o.format, text) ?? pos.lastEventAt,
      };
      await o.state.save(pos);
      read += n;
      totalUpdated += report.loaded;
      o.onBatch?.({
        batch: `${name}@${pos.offset - bytes.length}`,
        lines: n,
        updated: report.loaded,
        totalLines: pos.lines,
        totalUpdated,
        lastEventAt: pos.lastEventAt,
      });
    }
    return read;
  };

  /**
   * The file last read is no longer at the path (renamed, or copied and truncated) and this
   * process no longer holds it: its rest is read where the rotation put it, found by its inode
   * or, for a copy, by its first line.
   */
  const finishRotated = async (was: FollowPosition) => {
    const names = (await readdir(dir)).filter(
      (n) => n !== base && n.startsWith(base) && !/\.(gz|bz2|xz|zst)$/.test(n),
    );
    names.sort((a, b) => (a === `${base}.1` ? -1 : b === `${base}.1` ? 1 : a.localeCompare(b)));
    for (const name of names) {
      const old = await tryOpen(path.join(dir, name));
      if (!old) continue;
      try {
        const st = await old.handle.stat();
        const same =
          st.size >= was.offset &&
          (old.inode === was.inode ||
            (was.firstLine !== null && (await firstLineOf(old.handle)) === was.firstLine));
        if (!same) continue;
        const n = await drain(old.handle, name);
        o.onNote?.(`${base} was rotated: the rest of the old file read from ${name} (${n} lines)`);
        return;
      } finally {
        await old.handle.close();
      }
    }
    if (was.offset > 0)
      o.onNote?.(
        `${base} was rotated and the old file is not beside it: lines written after byte ${was.offset} of it were not read`,
      );
  };

  const startAt0 = async (inode: string, handle: FileHandle | null) => {
    pos = {
      inode,
      firstLine: handle ? await firstLineOf(handle) : null,
      offset: 0,
      size: 0,
      lines: pos?.lines ?? 0,
      lastEventAt: pos?.lastEventAt ?? null,
    };
    await o.state.save(pos);
  };

  try {
    while (!o.signal.aborted) {
      if (!cur) {
        cur = await tryOpen(o.path);
        if (!cur) {
          if (o.untilIdle) break;
          await pause();
          continue;
        }
        const st = await cur.handle.stat();
        const first = await firstLineOf(cur.handle);
        const resumes =
          pos !== null &&
          pos.inode === cur.inode &&
          st.size >= pos.offset &&
          (pos.firstLine === null || pos.firstLine === first);
        if (!resumes) {
          if (pos) await finishRotated(pos);
          await startAt0(cur.inode, cur.handle);
        }
      }
      const read = await drain(cur.handle, base);
      if (o.signal.aborted) break;
      const atPath = await inodeAt(o.path);
      if (atPath !== null && atPath !== cur.inode) {
        // Renamed away and a new file in its place: this handle still reads the old one to its end.
        const rest = await drain(cur.handle, base);
        o.onNote?.(`${base} was rotated: ${rest} more lines of the old file read, now reading the new one`);
        await cur.handle.close();
        cur = null;
        await startAt0(atPath, null);
        continue;
      }
      if (
        pos &&
        ((await cur.handle.stat()).size < pos.offset ||
          (pos.firstLine !== null && (await firstLineOf(cur.handle)) !== pos.firstLine))
      ) {
        // Truncated in place (copytruncate), perhaps written past the old offset already before
        // this look: the first line tells. The lines after the position are in the copy, if anywhere.
        await finishRotated(pos);
        await startAt0(cur.inode, null);
        continue;
      }
      if (!read) {
        if (o.untilIdle) break;
        await pause();
      }
    }
  } finally {
    watcher?.close();
    await cur?.handle.close();
    await rm(tmp, { recursive: true, force: true });
  }
}
