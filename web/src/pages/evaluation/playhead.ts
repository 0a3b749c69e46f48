import { useSyncExternalStore } from 'react';

/**
 * Where the recording is, shared by the player and what follows it (the transcript's current
 * segment) without re-rendering the whole workspace on every tick of the audio.
 */
export interface Playhead {
  get(): number;
  set(seconds: number): void;
  subscribe(listener: () => void): () => void;
}

export function createPlayhead(): Playhead {
  let time = 0;
  const listeners = new Set<() => void>();
  return {
    get: () => time,
    set(seconds) {
      if (seconds === time) return;
      time = seconds;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A value derived from the playhead; the component re-renders only when it changes. */
export function usePlayhead<T>(playhead: Playhead, select: (seconds: number) => T): T {
  return useSyncExternalStore(playhead.subscribe, () => select(playhead.get()));
}

/**
 * The segment being heard at `seconds`: the last one started by then and not ended before it
 * (a gap between segments keeps none), or -1.
 */
export function segmentAt(segments: readonly { startS: number; endS: number }[], seconds: number): number {
  let found = -1;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    if (!s || s.startS > seconds) break;
    if (seconds < s.endS) found = i;
  }
  return found;
}
