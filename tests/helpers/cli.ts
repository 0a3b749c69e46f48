import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
export const CLI = new URL('../../bin/callscore.js', import.meta.url).pathname;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process, from a folder that is not the project. */
export async function cli(
  args: string[],
  opts: { input?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const child = exec(process.execPath, [CLI, ...args], {
    cwd: tmpdir(),
    env: { ...process.env, ...opts.env },
  });
  if (opts.input !== undefined) {
    child.child.stdin?.end(opts.input);
  } else {
    child.child.stdin?.end();
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/**
 * Starts `callscore serve` and resolves once it answers; call stop() when done. `nodeArgs` go to
 * node before the CLI (e.g. `--import` of a module that plays a faulty request handler).
 */
export async function serve(
  dataDir: string,
  port: number,
  opts: { nodeArgs?: string[] } = {},
): Promise<{ url: string; child: ChildProcess; output(): string; stop(): Promise<void> }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [...(opts.nodeArgs ?? []), CLI, 'serve', '--data', dataDir, '--port', String(port)],
    {
      cwd: tmpdir(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`serve exited: ${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`serve did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The demo users' passwords by username, as `callscore demo` wrote them into the data directory. */
export function demoCredentials(dataDir: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(path.join(dataDir, 'demo-credentials.txt'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.trim().split(/\s+/).slice(0, 2) as [string, string]),
  );
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
