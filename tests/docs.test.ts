import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The repository carries its own documentation (docs/): nothing in it may send a reader to a file
 * outside it, and every relative link of README.md and docs/*.md must lead to a file it holds.
 */

const ROOT = new URL('../', import.meta.url).pathname;

/** The tracked files with these extensions (git ls-files), node_modules left out. */
function tracked(extensions: readonly string[]): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return out
    .split('\0')
    .filter((f) => f !== '' && !f.split('/').includes('node_modules'))
    .filter((f) => extensions.some((e) => f.endsWith(e)))
    .filter((f) => existsSync(path.join(ROOT, f)));
}

/** Citations of documents that are not in the repository. */
const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: 'a path outside the repository', pattern: /\.\.\/shared\b/ },
  { name: 'the design folder outside the repository', pattern: /shared\/design/ },
  // A design document by its upper-case name; docs/scoring.md and the like are the repository's own.
  ...['SCORING', 'ARCHITECTURE', 'DATA', 'AUTOQA', 'STYLE'].map((doc) => ({
    name: `${doc}.md`,
    pattern: new RegExp(`(?<![\\w.-])${doc}\\.md\\b`),
  })),
];

/** The offences of one file's text: `line: what it cites`. */
function citations(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const f of FORBIDDEN) if (f.pattern.test(line)) found.push(`${i + 1}: ${f.name}`);
  });
  return found;
}

/** The relative link targets of a Markdown text: `[text](target)` and `[label]: target`. */
function relativeLinks(text: string): string[] {
  // Code spans and fenced blocks are not links.
  const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const targets = [
    ...[...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] as string),
    ...[...prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1] as string),
  ];
  return targets.filter((t) => !/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(t));
}

/** Names built from parts, so that this file does not cite what it forbids. */
const md = (name: string) => `${name}.md`;
const OUTSIDE = ['..', 'shared', 'design'].join('/');

describe('the repository documents itself', () => {
  it('finds the forbidden citations it looks for, and not the docs/ ones', () => {
    expect(citations(`see ${OUTSIDE}/${md('SCORING')}`)).toEqual([
      '1: a path outside the repository',
      '1: the design folder outside the repository',
      `1: ${md('SCORING')}`,
    ]);
    const text = `(${md('DATA')}: "records are keyed")\n${md('STYLE')}, ${md('AUTOQA')} and ${md('ARCHITECTURE')}`;
    expect(citations(text)).toEqual([
      `1: ${md('DATA')}`,
      `2: ${md('ARCHITECTURE')}`,
      `2: ${md('AUTOQA')}`,
      `2: ${md('STYLE')}`,
    ]);
    expect(citations('docs/scoring.md, Variable pay; [data](data.md); ./docs/architecture.md')).toEqual([]);
  });

  it('finds relative links, and leaves URLs, anchors and code alone', () => {
    const text = [
      'See [the data](docs/data.md) and [a part](docs/scoring.md#the-pay-rule "title").',
      '[web]: https://example.com',
      '[ref]: ./tests/README.md',
      '`[not](a-link.md)` and [anchor](#top), <http://x>',
      '```',
      '[in code](nowhere.md)',
      '```',
    ].join('\n');
    expect(relativeLinks(text)).toEqual([
      'docs/data.md',
      'docs/scoring.md#the-pay-rule',
      './tests/README.md',
    ]);
  });

  it('has no .ts, .tsx or .md file citing a document outside the repository', () => {
    const offences = tracked(['.ts', '.tsx', '.md']).flatMap((f) =>
      citations(readFileSync(path.join(ROOT, f), 'utf8')).map((c) => `${f}:${c}`),
    );
    expect(offences).toEqual([]);
  });

  it('has every relative link of README.md and docs/*.md lead to a file of the repository', () => {
    const files = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).map((f) => `docs/${f}`)].filter((f) =>
      f.endsWith('.md'),
    );
    const inRepository = new Set(tracked(['']).map((f) => path.normalize(f)));
    const broken: string[] = [];
    for (const f of files) {
      for (const link of relativeLinks(readFileSync(path.join(ROOT, f), 'utf8'))) {
        const target = decodeURIComponent(link.split('#')[0] as string);
        if (target === '') continue;
        const resolved = path.normalize(path.join(path.dirname(f), target)).replace(/\/$/, '');
        const isFolder = [...inRepository].some((t) => t.startsWith(`${resolved}/`));
        if (resolved.startsWith('..') || !(inRepository.has(resolved) || isFolder))
          broken.push(`${f}: ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
