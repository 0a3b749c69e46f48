import { localDate } from '../../core/time.ts';
import type { Deps } from '../context.ts';
import { readSettings } from '../settings/settings.repository.ts';
import { catchUp } from './catch-up.ts';

/**
 * Runs the due sampling rules on start and every `minutes` after: today's local date, and each
 * date of the two weeks before that did not run (the server was down), oldest first. A refill is
 * idempotent per rule and date, so checking often gives each day's calls once. A failure is
 * logged and tried again at the next tick, never the end of the server.
 */
export function startSamplingTimer(
  deps: Pick<Deps, 'db' | 'analytics'>,
  minutes: number,
): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      const { timeZone } = await readSettings(deps.db);
      const today = localDate(new Date(), timeZone);
      const ran = (await catchUp(deps, today, 'timer', timeZone)).filter((x) => x.ran);
      for (const x of ran) console.log(`sampling ${x.runOn}: ${x.name} ${x.counts?.assigned ?? 0} calls`);
    })()
      .catch((e: unknown) => console.warn(`sampling refill: ${String(e)}`))
      .finally(() => {
        running = null;
      });
  };
  tick();
  const handle = setInterval(tick, minutes * 60_000);
  handle.unref();
  // Stopping waits for a refill under way, so the stores are not closed beneath it.
  return async () => {
    clearInterval(handle);
    await running;
  };
}
