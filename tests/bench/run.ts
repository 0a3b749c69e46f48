/**
 * Benchmark runner: `npm run bench -- <name> [options]`. Each benchmark is a module exporting
 * `run(argv)`; it prints its own figures. Benchmarks are not tests: they take minutes and
 * gigabytes, and are run by hand before a release or after a change to the path they measure.
 */
export {};

type Bench = { run(argv: string[]): Promise<void> };

const BENCHES: Record<string, () => Promise<Bench>> = {
  scoring: () => import('./scoring.bench.ts'),
  api: () => import('./api.bench.ts'),
  etl: () => import('./etl.bench.ts'),
  web: () => import('./web.bench.ts'),
  transcripts: () => import('./transcripts.bench.ts'),
  autoqa: () => import('./autoqa.bench.ts'),
  'auto-evaluations': () => import('./auto-evaluations.bench.ts'),
  transcribe: () => import('./transcribe.bench.ts'),
  scale: () => import('./scale.bench.ts'),
  'queue-log-states': () => import('./queue-log-states.bench.ts'),
};

const [name, ...argv] = process.argv.slice(2);
const load = name ? BENCHES[name] : undefined;
if (!load) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [options]`);
  process.exit(2);
}
await (await load()).run(argv);
