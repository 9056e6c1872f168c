import { createHash } from 'node:crypto';
import http from 'node:http';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3Storage } from '@/lib/storage/s3';
import { keyForSha256, receiveToTemp } from '@/lib/storage';

/**
 * The S3 driver against a minimal S3-compatible server on loopback: it keeps
 * objects in memory and refuses unsigned requests and payloads whose
 * x-amz-content-sha256 does not match the bytes.
 */
const objects = new Map<string, Buffer>();
let server: http.Server;
let endpoint = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('AWS4-HMAC-SHA256 Credential=AKIATEST/') || !auth.includes('/us-east-1/s3/aws4_request')) {
      res.writeHead(403).end('unsigned');
      return;
    }
    const key = decodeURIComponent(req.url!.split('?')[0]!);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const stored = objects.get(key);
      if (req.method === 'PUT') {
        if (createHash('sha256').update(body).digest('hex') !== req.headers['x-amz-content-sha256'])
          return void res.writeHead(400).end('XAmzContentSHA256Mismatch');
        objects.set(key, body);
        return void res.writeHead(200).end();
      }
      if (req.method === 'DELETE') {
        objects.delete(key);
        return void res.writeHead(204).end();
      }
      if (!stored) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-length': String(stored.length) });
      res.end(req.method === 'HEAD' ? undefined : stored);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('S3-compatible storage driver', () => {
  it('stores a streamed upload under its content address, reads it back, dedupes and deletes', async () => {
    const s3 = s3Storage({ bucket: 'memorands', endpoint, region: 'us-east-1', accessKeyId: 'AKIATEST', secretAccessKey: 'secret' });
    const bytes = Buffer.from('%PDF-1.7\n' + 'x'.repeat(300_000));
    const file = await receiveToTemp(Readable.from([bytes]), 1_000_000);
    const key = keyForSha256(file.sha256);
    expect(await s3.exists(key)).toBe(false);
    await s3.putFile(key, file.tempPath);
    expect(objects.get(`/memorands/${key}`)?.equals(bytes)).toBe(true);
    expect(await s3.exists(key)).toBe(true);
    expect(await s3.size(key)).toBe(bytes.length);
    const chunks: Buffer[] = [];
    for await (const c of await s3.open(key)) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    const again = await receiveToTemp(Readable.from([bytes]), 1_000_000);
    await s3.putFile(key, again.tempPath);
    expect(objects.size).toBe(1);
    await s3.delete(key);
    expect(await s3.exists(key)).toBe(false);
  });

  it('reports a refused request as an error', async () => {
    const s3 = s3Storage({ bucket: 'memorands', endpoint, region: 'us-east-1', accessKeyId: 'WRONG', secretAccessKey: 'secret' });
    await expect(s3.exists(keyForSha256('a'.repeat(64)))).rejects.toThrow(/HTTP 403/);
  });
});
