import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

/** A piece of the app's code loaded on demand, once, and at hand synchronously after it came. */
export interface Chunk<M> {
  /** Asks for the code (once); resolves when it is there. */
  load(): Promise<M>;
  /** The module, once loaded. */
  readonly current: M | undefined;
}

export function chunk<M>(load: () => Promise<M>): Chunk<M> {
  let current: M | undefined;
  let pending: Promise<M> | undefined;
  return {
    load() {
      pending ??= load().then(
        (m) => {
          current = m;
          return m;
        },
        (error: unknown) => {
          // A failed download may be asked for again (the next render retries it).
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    get current() {
      return current;
    },
  };
}

/**
 * React.lazy over a chunk. When the chunk is loaded already (asked for ahead of time with
 * `load()`), the component is handed to React in the same call, through a thenable that resolves
 * synchronously, so React renders it at once: it neither shows the Suspense fallback nor holds
 * the content back afterwards (React keeps a fallback up for at least 300 ms before revealing
 * what it waited for, which alone made each chart and page appear that much later).
 */
// biome-ignore lint/suspicious/noExplicitAny: any component's props, as React.lazy itself accepts
export function lazyFrom<M, C extends ComponentType<any>>(
  c: Chunk<M>,
  pick: (m: M) => C,
): LazyExoticComponent<C> {
  return lazy(() => {
    const m = c.current;
    if (m !== undefined) {
      const resolved = { default: pick(m) };
      // React.lazy reads the result with `then`; a plain promise would call back a tick later.
      return {
        // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose, the one React.lazy reads
        then: (onFulfilled: (v: typeof resolved) => void) => onFulfilled(resolved),
      } as unknown as Promise<typeof resolved>;
    }
    return c.load().then((loaded) => ({ default: pick(loaded) }));
  });
}

/** A lazily loaded page or part whose chunk can be asked for before it is rendered. */
// biome-ignore lint/suspicious/noExplicitAny: any component's props, as React.lazy itself accepts
export function lazyChunk<C extends ComponentType<any>>(
  load: () => Promise<{ default: C }>,
): LazyExoticComponent<C> & { preload(): Promise<unknown> } {
  const c = chunk(load);
  return Object.assign(
    lazyFrom(c, (m) => m.default),
    { preload: () => c.load() },
  );
}
