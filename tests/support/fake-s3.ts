import { createHash } from 'node:crypto';
import http from 'node:http';

/**
 * A minimal S3-compatible server on loopback for tests: objects in memory,
 * signed requests only, PUT payloads checked against x-amz-content-sha256,
 * and ListObjectsV2 in pages of `pageSize` keys (to exercise continuation).
 */
export async function startFakeS3(opts: { pageSize?: number } = {}) {
  const objects = new Map<string, { body: Buffer; modified: Date }>();
  const pageSize = opts.pageSize ?? 1000;
  const server = http.createServer((req, res) => {
    if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 Credential=')) return void res.writeHead(403).end('unsigned');
    const url = new URL(req.url!, 'http://s3.local');
    const [, bucket, ...rest] = url.pathname.split('/').map(decodeURIComponent);
    const key = rest.join('/');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = `${bucket}/${key}`;
      if (req.method === 'GET' && !key && url.searchParams.get('list-type') === '2') {
        const prefix = `${bucket}/${url.searchParams.get('prefix') ?? ''}`;
        const all = [...objects.keys()].filter((k) => k.startsWith(prefix)).sort();
        const from = Number(url.searchParams.get('continuation-token') ?? 0);
        const page = all.slice(from, from + pageSize);
        const truncated = from + pageSize < all.length;
        const contents = page
          .map(
            (k) =>
              `<Contents><Key>${k.slice(bucket!.length + 1)}</Key><LastModified>${objects.get(k)!.modified.toISOString()}</LastModified><Size>${objects.get(k)!.body.length}</Size></Contents>`,
          )
          .join('');
        res.writeHead(200, { 'content-type': 'application/xml' });
        return void res.end(
          `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>${bucket}</Name><KeyCount>${page.length}</KeyCount><IsTruncated>${truncated}</IsTruncated>${truncated ? `<NextContinuationToken>${from + pageSize}</NextContinuationToken>` : ''}${contents}</ListBucketResult>`,
        );
      }
      const body = Buffer.concat(chunks);
      const stored = objects.get(id);
      if (req.method === 'PUT') {
        if (createHash('sha256').update(body).digest('hex') !== req.headers['x-amz-content-sha256'])
          return void res.writeHead(400).end('XAmzContentSHA256Mismatch');
        objects.set(id, { body, modified: new Date() });
        return void res.writeHead(200).end();
      }
      if (req.method === 'DELETE') {
        objects.delete(id);
        return void res.writeHead(204).end();
      }
      if (!stored) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-length': String(stored.body.length) });
      res.end(req.method === 'HEAD' ? undefined : stored.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    endpoint,
    objects,
    config: (bucket = 'memorands') => ({ bucket, endpoint, region: 'us-east-1', accessKeyId: 'AKIATEST', secretAccessKey: 'secret' }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
