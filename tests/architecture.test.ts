import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The folders read as the pipeline, and their imports go one way (docs/architecture.md, Folders):
 * schemas ← core ← stores ← etl ← server. This reads the imports of every tracked .ts and .tsx
 * file and refuses a folder importing one it may not, and an import cycle.
 */

const ROOT = new URL('../', import.meta.url).pathname;

/** What each top-level folder may import besides itself; `tests/` and root files may import anything. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  schemas: [],
  core: ['schemas'],
  stores: ['schemas', 'core'],
  etl: ['schemas', 'core', 'stores'],
  fixtures: ['schemas', 'core'],
  server: ['schemas', 'core', 'stores', 'etl', 'fixtures'],
  web: ['schemas', 'core'],
};

/**
 * Imports of types only, which leave nothing in the built code. The web app may take the API's
 * types from the server (Hono's typed client, `hc<AppType>`), never its code.
 */
const MAY_IMPORT_TYPES: Record<string, readonly string[]> = { web: ['server'] };

interface Import {
  from: string;
  to: string;
  /** `import type` / `export type`: erased from the built code. */
  typeOnly: boolean;
}

const STATIC =
  /^(import|export)\s+(type\s+)?(?:[\w*{][^;]*?\sfrom\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The relative import specifiers of one file's text. */
function importsOf(text: string): { spec: string; typeOnly: boolean }[] {
  const found: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(STATIC)) {
    const spec = (m[3] ?? m[4]) as string;
    // `export const x = …` and the like have no `from`: only `export {…}` / `export *` re-export.
    if (m[1] === 'export' && !/^export\s+(type\s+)?[{*]/.test(m[0])) continue;
    // Styles and other assets the bundler loads are not modules of this check.
    if (spec.startsWith('.') && ['', '.ts', '.tsx'].includes(path.posix.extname(spec))) {
      found.push({ spec, typeOnly: m[2] !== undefined });
    }
  }
  return found;
}

/** Which file a relative specifier names, among the files given; null when none. */
function resolve(from: string, spec: string, files: ReadonlySet<string>): string | null {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const f of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) if (files.has(f)) return f;
  return null;
}

/** The top-level folder of a path, `.` for a file at the root. */
const folderOf = (file: string) => (file.includes('/') ? (file.split('/')[0] as string) : '.');

/** The imports that break the folder rules, one line each. */
function forbiddenImports(imports: readonly Import[]): string[] {
  const found: string[] = [];
  for (const i of imports) {
    const [a, b] = [folderOf(i.from), folderOf(i.to)];
    const allowed = MAY_IMPORT[a];
    if (a === b || !allowed || allowed.includes(b)) continue;
    if (i.typeOnly && MAY_IMPORT_TYPES[a]?.includes(b)) continue;
    found.push(
      `${i.from} → ${i.to} (${a}/ may import ${allowed.map((f) => `${f}/`).join(', ') || 'nothing else'})`,
    );
  }
  return found;
}

/** The cycles of a directed graph (its strongly connected components of more than one node). */
function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges.get(v)?.includes(v)) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

function graph(pairs: Iterable<[string, string]>): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const [a, b] of pairs) {
    if (!edges.has(b)) edges.set(b, []);
    const out = edges.get(a) ?? [];
    if (!out.includes(b)) out.push(b);
    edges.set(a, out);
  }
  return edges;
}

/** The imports between tracked .ts and .tsx files (git ls-files), node_modules left out. */
function repositoryImports(): { files: string[]; imports: Import[]; unresolved: string[] } {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  const files = out
    .split('\0')
    .filter((f) => /\.tsx?$/.test(f) && !f.split('/').includes('node_modules'))
    .filter((f) => existsSync(path.join(ROOT, f)));
  const known = new Set(files);
  const imports: Import[] = [];
  const unresolved: string[] = [];
  for (const from of files) {
    for (const { spec, typeOnly } of importsOf(readFileSync(path.join(ROOT, from), 'utf8'))) {
      const to = resolve(from, spec, known);
      if (to) imports.push({ from, to, typeOnly });
      else unresolved.push(`${from}: ${spec}`);
    }
  }
  return { files, imports, unresolved };
}

describe('the import parser and the rules', () => {
  it('reads static, re-exported and dynamic imports, and tells type-only ones', () => {
    const text = [
      "import { a } from './a.ts';",
      'import type { B } from "../b.ts";',
      'import {',
      '  c,',
      '  type D,',
      "} from './c.ts';",
      "import './side-effect.ts';",
      "export { e } from './e.ts';",
      "export type { F } from './f.ts';",
      "export * from './g.ts';",
      // Built from parts, so that this file does not import ./h.ts itself.
      `const h = await ${'import'}('./h.ts');`,
      "import { z } from 'zod';",
      "import './styles.css';",
      " * import { not } from './a-comment.ts';",
      "export const i = 'from ./not-an-import.ts';",
    ].join('\n');
    expect(importsOf(text)).toEqual([
      { spec: './a.ts', typeOnly: false },
      { spec: '../b.ts', typeOnly: true },
      { spec: './c.ts', typeOnly: false },
      { spec: './side-effect.ts', typeOnly: false },
      { spec: './e.ts', typeOnly: false },
      { spec: './f.ts', typeOnly: true },
      { spec: './g.ts', typeOnly: false },
      { spec: './h.ts', typeOnly: false },
    ]);
  });

  it('finds a cycle, and none in a chain', () => {
    expect(
      cycles(
        graph([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
          ['c', 'd'],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
    expect(
      cycles(
        graph([
          ['a', 'b'],
          ['b', 'c'],
          ['a', 'c'],
        ]),
      ),
    ).toEqual([]);
  });

  it('refuses the imports against the pipeline, and a web type from the server only as a type', () => {
    const imp = (from: string, to: string, typeOnly = false): Import => ({ from, to, typeOnly });
    expect(
      forbiddenImports([
        imp('etl/import-file.ts', 'server/errors.ts'),
        imp('stores/sqlite.ts', 'etl/import-log.ts'),
        imp('web/src/App.tsx', 'stores/tables.ts', true),
        imp('web/src/api/client.ts', 'server/app.ts', true),
        imp('web/src/api/client.ts', 'server/app.ts'),
        imp('server/app.ts', 'etl/import-file.ts'),
        imp('tests/x.test.ts', 'server/app.ts'),
      ]).map((line) => line.split(' (')[0]),
    ).toEqual([
      'etl/import-file.ts → server/errors.ts',
      'stores/sqlite.ts → etl/import-log.ts',
      'web/src/App.tsx → stores/tables.ts',
      'web/src/api/client.ts → server/app.ts',
    ]);
  });
});

describe('the repository', () => {
  const { files, imports, unresolved } = repositoryImports();

  it('has imports the parser reads, every relative one naming a tracked file', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports).toContainEqual({ from: 'etl/import-file.ts', to: 'stores/duckdb.ts', typeOnly: false });
    expect(unresolved).toEqual([]);
  });

  it('imports down the pipeline only: etl/ nothing of server/, stores/ nothing of etl/ or server/, web/ none of them', () => {
    expect(forbiddenImports(imports)).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    const between = imports.filter((i) => folderOf(i.from) !== folderOf(i.to));
    expect(cycles(graph(between.map((i) => [folderOf(i.from), folderOf(i.to)])))).toEqual([]);
  });

  it('has no import cycle between modules at run time (type-only imports are erased)', () => {
    const runtime = imports.filter((i) => !i.typeOnly);
    expect(cycles(graph(runtime.map((i) => [i.from, i.to])))).toEqual([]);
  });
});
