import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { FILE_GONE, INTERRUPTED } from '../../server/imports/import-jobs.repository.ts';
import { openDataDir, type Runtime } from '../../server/runtime.ts';
import { createUser } from '../../server/users/users.service.ts';
import { SMALL, tempDir } from '../helpers/runtime.ts';

let dir: string;
let rt: Runtime | null;
beforeEach(() => {
  dir = tempDir();
  rt = null;
});
afterEach(async () => {
  await rt?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An upload as the route stores it: a file in uploads/, then its job. */
async function queue(runtime: Runtime, name: string, text: string) {
  const file = path.join(runtime.imports.uploadsDir, `stored-${name}`);
  writeFileSync(file, text);
  const job = await runtime.imports.enqueue({
    file,
    fileName: name,
    size: text.length,
    kind: 'teams',
    actor: 'root',
  });
  return { job, file };
}

async function jobOverHttp(app: ReturnType<typeof createApp>, id: string) {
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'root', password: 'a-long-admin-password' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const res = await app.request(`/api/imports/jobs/${id}`, { headers: { cookie } });
  return { status: res.status, body: await res.json() };
}

describe('import jobs across a restart', () => {
  it('runs a job queued before the stop, fails the one that was running and the one whose file is gone', async () => {
    const first = await openDataDir(dir, { webDir: null });
    await createUser(
      first.db,
      { username: 'root', role: 'admin', operatorId: null, password: 'a-long-admin-password' },
      'test',
    );
    // The queue is not started, as in a process that stops before getting to its jobs.
    const waiting = await queue(first, 'teams.csv', SMALL.teams);
    const running = await queue(first, 'running.csv', SMALL.teams);
    await first.db
      .updateTable('import_jobs')
      .set({ state: 'running' })
      .where('id', '=', Number(running.job.id))
      .execute();
    const lost = await queue(first, 'lost.csv', SMALL.teams);
    rmSync(lost.file);
    // An upload the stop cut off: its file has no job.
    writeFileSync(path.join(first.imports.uploadsDir, 'cut-off.csv'), 'team_id,na');
    await first.close();

    rt = await openDataDir(dir, { webDir: null });
    const app = createApp(rt);
    expect(readdirSync(rt.imports.uploadsDir)).toEqual([path.basename(waiting.file)]);
    expect((await jobOverHttp(app, running.job.id)).body.job).toMatchObject({
      state: 'failed',
      error: INTERRUPTED,
    });
    expect((await jobOverHttp(app, lost.job.id)).body.job).toMatchObject({
      state: 'failed',
      error: FILE_GONE,
    });
    expect((await jobOverHttp(app, waiting.job.id)).body.job).toMatchObject({ state: 'queued' });

    rt.imports.start();
    await rt.imports.idle();
    expect(await jobOverHttp(app, waiting.job.id)).toEqual({
      status: 200,
      body: {
        job: expect.objectContaining({
          state: 'done',
          fileName: 'teams.csv',
          report: expect.objectContaining({ file: 'teams.csv', loaded: 2 }),
        }),
      },
    });
    expect(existsSync(waiting.file)).toBe(false);
    expect((await jobOverHttp(app, '999')).status).toBe(404);
    expect((await jobOverHttp(app, 'nope')).status).toBe(404);
  });

  it('a job done before the stop still answers after it', async () => {
    const first = await openDataDir(dir, { webDir: null });
    await createUser(
      first.db,
      { username: 'root', role: 'admin', operatorId: null, password: 'a-long-admin-password' },
      'test',
    );
    first.imports.start();
    const { job } = await queue(first, 'teams.csv', SMALL.teams);
    await first.imports.idle();
    await first.close();

    rt = await openDataDir(dir, { webDir: null });
    expect((await jobOverHttp(createApp(rt), job.id)).body.job).toMatchObject({
      state: 'done',
      report: { loaded: 2 },
    });
  });

  it('a stop lets the running job finish and leaves the queued ones for the next start', async () => {
    const first = await openDataDir(dir, { webDir: null });
    const a = await queue(first, 'a.csv', SMALL.teams);
    const b = await queue(first, 'b.csv', 'team_id,name,department\nT3,Night,Care\n');
    first.imports.start();
    await first.close();
    rt = await openDataDir(dir, { webDir: null });
    // A job the stop let start ran to its end; one it did not waits: none was cut off or lost.
    for (const { job } of [a, b]) expect(['done', 'queued']).toContain((await rt.imports.get(job.id))?.state);
    rt.imports.start();
    await rt.imports.idle();
    expect((await rt.imports.get(a.job.id))?.state).toBe('done');
    expect((await rt.imports.get(b.job.id))?.state).toBe('done');
  });
});
