import { spawn } from 'node:child_process';

export interface Captured {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The program could not be started at all (not installed, not executable). */
  missing: boolean;
}

/** Runs a program to its end and keeps what it printed; never throws. */
export function capture(program: string, args: readonly string[]): Promise<Captured> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch {
      resolve({ code: null, stdout, stderr, missing: true });
      return;
    }
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      // Decoders can be chatty: the tail is what explains a failure.
      stderr = (stderr + d).slice(-8000);
    });
    child.on('error', (e: NodeJS.ErrnoException) =>
      resolve({
        code: null,
        stdout,
        stderr: stderr || e.message,
        missing: e.code === 'ENOENT' || e.code === 'EACCES',
      }),
    );
    child.on('close', (code) => resolve({ code, stdout, stderr, missing: false }));
  });
}

/** The last non-empty line a program wrote on stderr, for a failure's reason. */
export const lastLine = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1) ?? '';
