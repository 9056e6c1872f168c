import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { AwsClient } from 'aws4fetch';
import type { Storage, StoredObject } from './index';

export type S3Config = { bucket: string; endpoint: string; region: string; accessKeyId: string; secretAccessKey: string };

/**
 * S3-compatible object storage (AWS S3, MinIO, Ceph, Hetzner, …), path-style
 * URLs, requests signed with AWS Signature V4 (aws4fetch). Uploads stream
 * from the temporary file; the payload hash is the object's own sha256
 * (keys are content-addressed), so nothing is read twice.
 */
export function s3Storage(cfg: S3Config): Storage {
  // Note: no automatic retries: a streamed upload body cannot be sent twice.
  const client = new AwsClient({ accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey, region: cfg.region, service: 's3', retries: 0 });
  const base = cfg.endpoint.replace(/\/+$/, '');
  const url = (key: string) => `${base}/${encodeURIComponent(cfg.bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const check = async (res: Response, what: string) => {
    if (!res.ok) throw new Error(`S3 ${what} failed: HTTP ${res.status} ${await res.text().catch(() => '')}`.trim());
  };
  const head = (key: string) => client.fetch(url(key), { method: 'HEAD' });
  return {
    async putFile(key, tempPath) {
      if ((await head(key)).ok) {
        await rm(tempPath, { force: true });
        return;
      }
      const size = (await stat(tempPath)).size;
      const sha256 = key.split('/').pop()!;
      const body = Readable.toWeb(createReadStream(tempPath)) as ReadableStream;
      const res = await client.fetch(url(key), {
        method: 'PUT',
        body,
        headers: { 'content-length': String(size), 'x-amz-content-sha256': sha256, 'content-type': 'application/octet-stream' },
        duplex: 'half',
      } as RequestInit);
      await check(res, 'PUT');
      await rm(tempPath, { force: true });
    },
    async exists(key) {
      const res = await head(key);
      if (res.status === 404) return false;
      await check(res, 'HEAD');
      return true;
    },
    async open(key) {
      const res = await client.fetch(url(key));
      await check(res, 'GET');
      return Readable.fromWeb(res.body! as import('node:stream/web').ReadableStream);
    },
    async size(key) {
      const res = await head(key);
      await check(res, 'HEAD');
      return Number(res.headers.get('content-length') ?? 0);
    },
    async delete(key) {
      const res = await client.fetch(url(key), { method: 'DELETE' });
      if (res.status !== 404) await check(res, 'DELETE');
    },
    async *list() {
      // ListObjectsV2, page by page (1 000 keys each).
      let token: string | undefined;
      do {
        const query = new URLSearchParams({ 'list-type': '2', prefix: 'sha256/' });
        if (token) query.set('continuation-token', token);
        const res = await client.fetch(`${base}/${encodeURIComponent(cfg.bucket)}?${query}`);
        await check(res, 'LIST');
        const page = parseListPage(await res.text());
        yield* page.objects;
        token = page.nextToken;
      } while (token);
    },
  };
}

const xmlText = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const tag = (xml: string, name: string) => {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? xmlText(m[1]!) : undefined;
};

/** One ListObjectsV2 answer: the content-addressed objects and the next page's token. */
export function parseListPage(xml: string): { objects: StoredObject[]; nextToken?: string } {
  const objects: StoredObject[] = [];
  for (const [, body] of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
    const key = tag(body!, 'Key') ?? '';
    if (!/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) continue;
    objects.push({ key, size: Number(tag(body!, 'Size') ?? 0), modifiedAt: new Date(tag(body!, 'LastModified') ?? 0) });
  }
  return { objects, nextToken: tag(xml, 'IsTruncated') === 'true' ? tag(xml, 'NextContinuationToken') : undefined };
}
