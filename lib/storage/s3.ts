import { DOMParser, type Element } from '@xmldom/xmldom';
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

/** The text of the first child element named `name` (namespace-agnostic), if any. */
function childText(parent: Element, name: string): string | undefined {
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && (node as Element).localName === name) return node.textContent ?? '';
  }
  return undefined;
}

export function parseListPage(xml: string): { objects: StoredObject[]; nextToken?: string } {
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
  if (!root || root.localName !== 'ListBucketResult') throw new Error('S3 LIST: not a ListBucketResult answer');
  const objects: StoredObject[] = [];
  for (let node = root.firstChild; node; node = node.nextSibling) {
    if (node.nodeType !== 1 || (node as Element).localName !== 'Contents') continue;
    const contents = node as Element;
    const key = childText(contents, 'Key') ?? '';
    if (!/^sha256\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) continue;
    objects.push({ key, size: Number(childText(contents, 'Size') ?? 0), modifiedAt: new Date(childText(contents, 'LastModified') ?? 0) });
  }
  return { objects, nextToken: childText(root, 'IsTruncated') === 'true' ? childText(root, 'NextContinuationToken') : undefined };
}
