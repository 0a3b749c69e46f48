import { readFileSync } from 'node:fs';

/** Peak resident memory of this process so far (VmHWM), in bytes; 0 where /proc is missing. */
export function peakRss(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples the resident set while `work` runs: the peak of one phase, which VmHWM cannot give. Also
 * the process's processor seconds (all its threads, DuckDB's too): on a machine shared with other
 * work the steadier figure.
 */
export async function measure<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number; cpuSeconds: number; peakRss: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    const used = process.cpuUsage(cpu);
    return {
      result,
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: (used.user + used.system) / 1e6,
      peakRss: peak,
    };
  } finally {
    clearInterval(timer);
  }
}

export const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
