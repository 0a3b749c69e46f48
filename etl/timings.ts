/**
 * Times one step of an import into `timings` (seconds, added up under the step's name), when the
 * caller asked for them; otherwise just runs it.
 */
export async function timed<T>(
  timings: Record<string, number> | undefined,
  step: string,
  work: () => Promise<T>,
): Promise<T> {
  if (!timings) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[step] = (timings[step] ?? 0) + (performance.now() - started) / 1000;
  }
}
