/** The shape of the source tree: no import cycles (type imports included), each screen of the UI apart from the
 * other, and Ink/React only under src/ui and the entry point. Reads the import statements of every source file. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(import.meta.dirname, '../src');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module a file names in `import ... from`, `export ... from` or `import(...)`. */
function importedSpecifiers(text: string): string[] {
  const specifiers: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/g)) specifiers.push(match[1]!);
  for (const match of text.matchAll(/(?:^|\n)\s*import\s+'([^']+)'/g)) specifiers.push(match[1]!);
  for (const match of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) specifiers.push(match[1]!);
  return specifiers;
}

/** src-relative path of each file -> src-relative paths of the project files it imports (and bare package names). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const targets = importedSpecifiers(readFileSync(file, 'utf8')).map((specifier) => {
      if (!specifier.startsWith('.')) return specifier;
      return relative(SRC, resolve(dirname(file), specifier)).replace(/\.js$/, '');
    });
    graph.set(relative(SRC, file).replace(/\.tsx?$/, ''), targets);
  }
  return graph;
}

/** The cycles of a graph (strongly connected components of more than one node, or a node importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indexes = new Map<string, number>();
  const lowLinks = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    indexes.set(node, index);
    lowLinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!indexes.has(next)) {
        visit(next);
        lowLinks.set(node, Math.min(lowLinks.get(node)!, lowLinks.get(next)!));
      } else if (onStack.has(next)) {
        lowLinks.set(node, Math.min(lowLinks.get(node)!, indexes.get(next)!));
      }
    }
    if (lowLinks.get(node) === indexes.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indexes.has(node)) visit(node);
  return found;
}

describe('the source tree', () => {
  const graph = importGraph();

  it('finds the imports it checks (the reader works)', () => {
    expect(graph.get('ui/review/view-state')).toEqual(expect.arrayContaining(['ui/review/key-map', 'ui/shared/layout']));
    expect(graph.get('cli')).toEqual(expect.arrayContaining(['ui/run-tui', 'pipeline']));
    expect(importedSpecifiers("import type { A } from './a.js';\nexport { b } from '../b.js';\nawait import('./c.js');")).toEqual([
      './a.js',
      '../b.js',
      './c.js',
    ]);
  });

  it('has no import cycles, type imports included', () => {
    expect(cycles(graph)).toEqual([]);
    expect(cycles(new Map([['a', ['b']], ['b', ['a']], ['c', ['c']]]))).toHaveLength(2);
  });

  it.each([
    ['ui/review/', ['ui/versions/']],
    ['ui/versions/', ['ui/review/']],
    ['ui/shared/', ['ui/review/', 'ui/versions/', 'ui/run-tui']],
  ])('files under src/%s import none of %j', (folder, forbidden) => {
    const offending = [...graph].flatMap(([file, targets]) =>
      file.startsWith(folder) ? targets.filter((target) => forbidden.some((prefix) => target.startsWith(prefix))).map((t) => `${file} -> ${t}`) : [],
    );
    expect(offending).toEqual([]);
  });

  it('only the UI, the entry point and the UI\'s benchmark import ink or react', () => {
    const offending = [...graph].flatMap(([file, targets]) =>
      file.startsWith('ui/') || file === 'cli' || file === 'bench/ui' ? [] : targets.filter((t) => t === 'ink' || t === 'react' || t.startsWith('react/')).map((t) => `${file} -> ${t}`),
    );
    expect(offending).toEqual([]);
  });
});
