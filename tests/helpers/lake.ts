import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TMP_FILE } from '../../stores/lake/layout.ts';
import { CLI } from './cli.ts';
import { importCsv, loadSmall, type TestEnv, testEnv } from './runtime.ts';

/** Every file of a lake, by its path inside it: the content's hash (`_state.json` left out). */
export function lakeFiles(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name !== '_state.json')
        out.set(path.relative(root, full), createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(root);
  return out;
}

/** The temporary files among them. */
export const tmpFiles = (files: Map<string, string>) =>
  [...files.keys()].filter((f) => TMP_FILE.test(path.basename(f)));

export const LAKE_CLAIMS =
  'claim_id,operator_id,source,division,call_id,order_id,received_at,status,decided_at,description\n' +
  'CLM-1,OP-1,client,,C1,,2026-10-20T10:00:00+03:00,open,,rude on the phone\n' +
  'CLM-2,OP-2,internal,warehouse,,O3,2026-10-21T10:00:00+03:00,justified,2026-10-22T10:00:00+03:00,wrong quantity\n' +
  'CLM-3,OP-1,client,,C7,,2026-11-02T10:00:00+02:00,open,,late delivery\n';

/** The small call center of runtime.ts (October and November, Chisinau) with three claims. */
export async function lakeEnv(): Promise<TestEnv> {
  const env = await testEnv({ timeZone: 'Europe/Chisinau' });
  await loadSmall(env);
  await importCsv(env, 'claims', 'claims.csv', LAKE_CLAIMS, 'Europe/Chisinau');
  return env;
}

/** A port no one listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface LakeServer {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** `callscore serve --lake` as a child process, resolved once it answers. */
export async function serveLake(
  dataDir: string,
  lakeDir: string,
  extraEnv: Record<string, string> = {},
): Promise<LakeServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      CLI,
      'serve',
      '--data',
      dataDir,
      '--lake',
      lakeDir,
      '--port',
      String(port),
      '--importer',
      'http://importer:8080',
    ],
    { cwd: tmpdir(), env: { ...process.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve --lake exited: ${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`serve --lake did not answer: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
