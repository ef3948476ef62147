import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparePairNames, findBatchPairs, findPairsInFolder, readManifest } from '../../src/batch/pairs.js';
import { InputError } from '../../src/errors.js';

let dir: string;
let manifests: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'selaras-manifest-'));
  manifests = join(dir, 'corpus');
  await mkdir(join(manifests, 'sub'), { recursive: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function manifest(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(manifests, name);
  await writeFile(path, content);
  return path;
}

function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

describe('readManifest', () => {
  it('resolves paths against the manifest, names pairs by source (or the name column), sorted by name', async () => {
    const path = await manifest('ok.csv', 'source,target\nsub/b.en.txt,sub/b.id.txt\na.en.txt,a.id.txt\n');
    expect(await readManifest(path)).toEqual([
      { name: 'a.en.txt', source: join(manifests, 'a.en.txt'), target: join(manifests, 'a.id.txt') },
      { name: 'sub/b.en.txt', source: join(manifests, 'sub/b.en.txt'), target: join(manifests, 'sub/b.id.txt') },
    ]);
    const named = await manifest('named.csv', 'name,source,target\nzeta,a.en.txt,a.id.txt\nalpha,b.en.txt,b.id.txt\n');
    expect((await readManifest(named)).map((p) => p.name)).toEqual(['alpha', 'zeta']);
  });

  it('reads a UTF-16 manifest with a byte-order mark like a UTF-8 one', async () => {
    const path = await manifest('utf16.csv', utf16le('source,target\r\na.en.txt,a.id.txt\r\n'));
    expect((await readManifest(path)).map((p) => p.source)).toEqual([join(manifests, 'a.en.txt')]);
  });

  it.each([
    ['a path up and out', 'source,target\n../../etc/passwd,a.id.txt\n', /line 2: \.\.\/\.\.\/etc\/passwd is outside the manifest's folder .*--allow-outside/],
    ['an absolute path elsewhere', 'source,target\na.en.txt,/etc/hostname\n', /line 2: \/etc\/hostname is outside the manifest's folder/],
    ['an empty target cell', 'source,target\na.en.txt,a.id.txt\nb.en.txt,\n', /line 3: the target cell is empty — give a source and a target path on every line/],
    ['an empty source cell', 'source,target\n"",b.id.txt\n', /line 2: the source cell is empty/],
    ['a repeated row', 'source,target\na.en.txt,a.id.txt\nb.en.txt,b.id.txt\n./a.en.txt,a.id.txt\n', /line 4: repeats line 2 \(the same source and target\)/],
    ['a repeated name', 'name,source,target\nx,a.en.txt,a.id.txt\nx,b.en.txt,b.id.txt\n', /line 3: the pair name "x" is also on line 2/],
    ['no header', 'a.en.txt,a.id.txt\n', /needs a header "source,target"/],
    ['an empty file', '', /the manifest is empty/],
    ['Latin-1 text', Buffer.from('source,target\ncaf\xe9.en.txt,a.id.txt\n', 'latin1'), /is not valid UTF-8 \(byte 0xE9 at offset \d+; Windows-1252 or Latin-1\?\)/],
    ['UTF-16 without a byte-order mark', Buffer.from('source,target\na.en.txt,a.id.txt\n', 'utf16le'), /looks like UTF-16 without a byte-order mark/],
    ['a broken CSV', 'source,target\n"a.en.txt,a.id.txt\n', /not a readable CSV/],
  ])('refuses %s with a clear one-line message naming the manifest', async (_, content, message) => {
    const path = await manifest('bad.csv', content);
    const error = await readManifest(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message.startsWith(path)).toBe(true);
    expect((error as Error).message).not.toContain('\n');
  });

  it('accepts paths outside its folder with allowOutside', async () => {
    const path = await manifest('outside.csv', 'source,target\n../x.en.txt,/tmp/x.id.txt\n');
    expect(await readManifest(path, { allowOutside: true })).toEqual([
      { name: '../x.en.txt', source: join(dir, 'x.en.txt'), target: '/tmp/x.id.txt' },
    ]);
  });
});

describe('pairs of a folder', () => {
  it('are named by path without language and extension, with forward slashes, sorted; lone files listed', async () => {
    const folder = join(dir, 'folder');
    await mkdir(join(folder, 'z', 'deep'), { recursive: true });
    for (const file of ['b.en.txt', 'b.id.md', 'z/deep/a.en.html', 'z/deep/a.id.txt', 'z/lonely.id.txt', 'notes.txt']) {
      await writeFile(join(folder, file), 'x');
    }
    const found = await findPairsInFolder(folder);
    expect(found.pairs.map((p) => p.name)).toEqual(['b', 'z/deep/a']);
    expect(found.unpaired).toEqual([join(folder, 'z/lonely.id.txt')]);
    await expect(findBatchPairs(join(dir, 'nothing-here'))).rejects.toThrow(/no such file or folder/);
  });

  it('sort by code unit, the same in every locale', () => {
    expect(['b', 'B', 'a', 'é', 'Z', 'a-1', 'a_1'].sort(comparePairNames)).toEqual(['B', 'Z', 'a', 'a-1', 'a_1', 'b', 'é']);
  });
});
