import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TarFormatError, assertArchivePath, readTar, tarStream, type TarSource } from '@/lib/backup/tar';

const BLOCK = 512;

async function collect(gen: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of gen) chunks.push(c);
  return Buffer.concat(chunks);
}

// eslint-disable-next-line @typescript-eslint/require-await -- an async generator on purpose: readTar reads an AsyncIterable
async function* chunked(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function readAll(archive: Buffer, chunkSize = 777): Promise<{ path: string; body: Buffer }[]> {
  const out: { path: string; body: Buffer }[] = [];
  for await (const e of readTar(chunked(archive, chunkSize))) out.push({ path: e.path, body: await collect(e.body) });
  return out;
}

const files = (list: [string, Buffer][]): TarSource[] => list.map(([p, body]) => ({ path: p, size: body.length, body }));
const work = await mkdtemp(path.join(os.tmpdir(), 'tar-test-'));
afterAll(() => rm(work, { recursive: true, force: true }));

describe('backup tar layer (tar-stream)', () => {
  it('round-trips files of awkward sizes, long and UTF-8 paths, in chunks of any size', async () => {
    const longPath = `files/${'a'.repeat(90)}/${'b'.repeat(60)}/lēmums.pdf`;
    const list: [string, Buffer][] = [
      ['manifest.json', Buffer.from('{"a":1}')],
      ['empty', Buffer.alloc(0)],
      ['one', Buffer.from('x')],
      ['block', randomBytes(BLOCK)],
      ['block+1', randomBytes(BLOCK + 1)],
      ['big', randomBytes(200_003)],
      [longPath, randomBytes(1000)],
    ];
    const archive = await collect(tarStream(files(list)));
    expect(archive.length % BLOCK).toBe(0);
    for (const size of [1, 512, 777, 65536]) {
      const back = await readAll(archive, size);
      expect(back.map((e) => e.path)).toEqual(list.map(([p]) => p));
      back.forEach((e, i) => expect(e.body.equals(list[i]![1])).toBe(true));
    }
  });

  it('property: any list of files round-trips', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,39}(\/[a-z0-9][a-z0-9._-]{0,39}){0,3}$/), fc.uint8Array({ maxLength: 3000 })), {
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 2000 }),
        async (entries, chunk) => {
          const list = entries.map(([p, b]) => [p, Buffer.from(b)] as [string, Buffer]);
          const back = await readAll(await collect(tarStream(files(list))), chunk);
          expect(back.map((e) => [e.path, e.body.toString('hex')])).toEqual(list.map(([p, b]) => [p, b.toString('hex')]));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('skips bodies the reader does not consume, fully or partly', async () => {
    const list: [string, Buffer][] = [
      ['a', randomBytes(5000)],
      ['b', randomBytes(700)],
      ['c', Buffer.from('last')],
    ];
    const archive = await collect(tarStream(files(list)));
    const seen: string[] = [];
    for await (const e of readTar(chunked(archive, 300))) {
      seen.push(e.path);
      if (e.path === 'b') for await (const _ of e.body) break; // read one piece only
      if (e.path === 'c') expect((await collect(e.body)).toString()).toBe('last');
    }
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('refuses paths that could escape the restore folder', async () => {
    for (const bad of ['../etc/passwd', '/etc/passwd', 'a//b', 'a\\b', '']) expect(() => assertArchivePath(bad)).toThrow(/bad archive path/);
    await expect(collect(tarStream([{ path: '../x', size: 1, body: Buffer.from('x') }]))).rejects.toThrow(/bad archive path/);
  });

  it('the writer refuses a body that does not match its declared size', async () => {
    await expect(collect(tarStream([{ path: 'short', size: 10, body: Buffer.from('abc') }]))).rejects.toThrow(/3 bytes, expected 10/);
    await expect(collect(tarStream([{ path: 'long', size: 2, body: Buffer.from('abc') }]))).rejects.toThrow(/more bytes/);
  });

  it('the reader refuses damaged, truncated and unsupported archives', async () => {
    const archive = await collect(
      tarStream(
        files([
          ['a', Buffer.from('hello')],
          ['b', randomBytes(2000)],
        ]),
      ),
    );
    const badHeader = Buffer.from(archive);
    badHeader[10] = badHeader[10]! ^ 0xff; // inside the first name field
    await expect(readAll(badHeader)).rejects.toThrow(TarFormatError);
    await expect(readAll(archive.subarray(0, BLOCK + 600))).rejects.toThrow(TarFormatError);
    await expect(readAll(archive.subarray(0, archive.length - 2 * BLOCK))).rejects.toThrow(/end-of-archive|truncated/);
    const link = Buffer.from(archive);
    link[156] = '2'.charCodeAt(0);
    // Fix the checksum so only the type is wrong.
    link.fill(0x20, 148, 156);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += link[i]!;
    link.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
    await expect(readAll(link)).rejects.toThrow(/unsupported entry type/);
  });

  // GNU tar is part of every Debian system: this test runs everywhere and fails rather than skip.
  it('GNU tar lists and extracts our archives, and we read its ustar archives', async () => {
    const longPath = `${'d'.repeat(90)}/nested/${'f'.repeat(60)}.bin`;
    const list: [string, Buffer][] = [
      ['manifest.json', Buffer.from('{}\n')],
      ['files/sha256/ab/one', randomBytes(3000)],
      [longPath, randomBytes(10)],
    ];
    const ours = path.join(work, 'ours.tar');
    await writeFile(ours, await collect(tarStream(files(list))));
    expect(execFileSync('tar', ['-tf', ours], { encoding: 'utf8' }).trim().split('\n')).toEqual(list.map(([p]) => p));
    const out = path.join(work, 'out');
    await mkdir(out);
    execFileSync('tar', ['-xf', ours, '-C', out]);
    for (const [p, body] of list) expect((await readFile(path.join(out, p))).equals(body)).toBe(true);

    const theirs = path.join(work, 'theirs.tar');
    execFileSync('tar', ['--format=ustar', '-cf', theirs, '-C', out, 'manifest.json', 'files', longPath.split('/')[0]!]);
    const back = await readAll(await readFile(theirs));
    const byPath = new Map(back.map((e) => [e.path, e.body]));
    for (const [p, body] of list) expect(byPath.get(p)?.equals(body)).toBe(true);
  });
});
