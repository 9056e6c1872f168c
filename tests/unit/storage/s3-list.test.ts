import { describe, expect, it } from 'vitest';
import { parseListPage } from '@/lib/storage/s3';

const hash = 'a'.repeat(64);
const key = `sha256/aa/${hash}`;

describe('S3 ListObjectsV2 answers, read with an XML parser', () => {
  it('reads keys, sizes, times and the continuation token of a namespaced answer', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>docs</Name><IsTruncated>true</IsTruncated>
  <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=&amp;x</NextContinuationToken>
  <Contents><Key>${key}</Key><LastModified>2026-11-30T10:00:00.000Z</LastModified><Size>1234</Size></Contents>
  <Contents><Key>other/file.txt</Key><Size>1</Size></Contents>
</ListBucketResult>`;
    expect(parseListPage(xml)).toEqual({
      objects: [{ key, size: 1234, modifiedAt: new Date('2026-11-30T10:00:00.000Z') }],
      nextToken: '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=&x',
    });
  });

  it('is not fooled by comments or CDATA that a regular expression would read as elements', () => {
    const xml = `<ListBucketResult><IsTruncated>false</IsTruncated>
  <!-- <Contents><Key>sha256/bb/${'b'.repeat(64)}</Key></Contents> -->
  <Contents><Key><![CDATA[${key}]]></Key><Size>7</Size><LastModified>2026-01-01T00:00:00Z</LastModified></Contents>
</ListBucketResult>`;
    const page = parseListPage(xml);
    expect(page.objects.map((o) => o.key)).toEqual([key]);
    expect(page.nextToken).toBeUndefined();
  });

  it('refuses an answer that is not a bucket listing (an error document)', () => {
    expect(() => parseListPage('<Error><Code>AccessDenied</Code></Error>')).toThrow(/ListBucketResult/);
  });
});
