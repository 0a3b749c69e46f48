import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { importFile } from '../../etl/import-file.ts';
import { DEMO_RECORDINGS, RECORDINGS_DIR } from '../../fixtures/recordings/index.ts';
import { dataFiles, openDataDir } from '../../server/runtime.ts';
import { writeSetting } from '../../server/settings/settings.repository.ts';
import { tempDir } from './runtime.ts';

export const TRANSCRIBE_SAMPLE = path.join(import.meta.dirname, '..', 'fixtures', 'transcribe');
export const FAKE_WHISPER = path.join(TRANSCRIBE_SAMPLE, 'fake-whisper.mjs');

/** Whether a program is on the PATH. */
export function onPath(program: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => existsSync(path.join(dir, program)));
}

/**
 * A closed data directory holding the sample's October 2026 calls (six recorded English dialogues of
 * the demo, a recording that is missing, one longer than its call, a call without recording and an
 * abandoned one) and the demo's recordings under recordings/demo/.
 */
export async function transcribeDataDir(): Promise<string> {
  const dir = tempDir('callscore-transcribe-');
  const rt = await openDataDir(dir, { webDir: null });
  try {
    const timeZone = 'Europe/Chisinau';
    await writeSetting(rt.db, 'timeZone', timeZone, 'test');
    for (const kind of ['teams', 'operators', 'clients', 'products', 'calls'] as const) {
      const report = await importFile(rt, {
        kind,
        file: path.join(TRANSCRIBE_SAMPLE, `${kind}.csv`),
        actor: 'test',
        timeZone,
      });
      if (report.quarantined) throw new Error(`${kind}: ${JSON.stringify(report.quarantine)}`);
    }
    const into = path.join(dataFiles(dir).recordings, 'demo');
    mkdirSync(into, { recursive: true });
    for (const name of DEMO_RECORDINGS) copyFileSync(path.join(RECORDINGS_DIR, name), path.join(into, name));
  } finally {
    await rt.close();
  }
  return dir;
}
