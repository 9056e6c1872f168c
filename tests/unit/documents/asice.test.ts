/**
 * ASiC-E container rules on variants of a real Latvian container (lv-T-signature.asice) rebuilt with
 * a tiny ZIP writer: tampering, coverage, mimetype placement, unsigned containers and size caps.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectDocument } from '@/lib/documents/inspect';
import { requireCorpus } from './corpus-dir';
import { buildZip, readZipEntries, type ZipInput } from './zip-helper';

const MIME = 'application/vnd.etsi.asic-e+zip';
const SIG = 'META-INF/signatures1.xml';
let original: ZipInput[];

beforeAll(async () => {
  const bytes = readFileSync(path.join(requireCorpus(), 'lv-T-signature.asice'));
  original = (await readZipEntries(new Uint8Array(bytes))).map((e) => ({ name: e.name, data: e.data, deflate: e.deflated }));
});

function variant(change: (entries: ZipInput[]) => ZipInput[]): Uint8Array {
  return buildZip(change(original.map((e) => ({ ...e }))));
}

function editXml(entries: ZipInput[], edit: (xml: string) => string): ZipInput[] {
  return entries.map((e) => (e.name === SIG ? { ...e, data: edit(Buffer.from(e.data).toString('utf8')) } : e));
}

describe('ASiC-E containers', () => {
  it('a faithfully rebuilt container is accepted with an intact signature', async () => {
    const r = await inspectDocument(variant((e) => e));
    expect(r).toMatchObject({ ok: true, kind: 'asice', mediaType: MIME, warnings: [], dataFiles: ['test2.txt'] });
    expect(r.ok && r.signatures[0]?.integrity).toBe('intact');
  });

  it('a changed data file is signature_invalid', async () => {
    const r = await inspectDocument(variant((es) => es.map((e) => (e.name === 'test2.txt' ? { ...e, data: 'tampered content' } : e))));
    expect(r).toMatchObject({ ok: false, reason: 'signature_invalid' });
  });

  it('an extra data file not covered by any signature is signature_invalid', async () => {
    const r = await inspectDocument(variant((es) => [...es, { name: 'extra.pdf', data: '%PDF-1.7 not signed' }]));
    expect(r).toMatchObject({ ok: false, reason: 'signature_invalid' });
    expect(!r.ok && r.detail).toContain('extra.pdf');
  });

  it('a changed SignatureValue is signature_invalid', async () => {
    const r = await inspectDocument(
      variant((es) => editXml(es, (x) => x.replace(/(<ds:SignatureValue[^>]*>)(.)/, (_m, tag: string, c: string) => tag + (c === 'A' ? 'B' : 'A')))),
    );
    expect(r).toMatchObject({ ok: false, reason: 'signature_invalid' });
  });

  it('a changed signed property (SigningTime) is signature_invalid', async () => {
    const r = await inspectDocument(variant((es) => editXml(es, (x) => x.replace('2024-04-16T07:15:26Z', '2024-04-17T07:15:26Z'))));
    expect(r).toMatchObject({ ok: false, reason: 'signature_invalid' });
  });

  it('a damaged time-stamp token only warns timestamp_invalid', async () => {
    const r = await inspectDocument(
      variant((es) =>
        editXml(es, (x) =>
          x.replace(/(<xades:EncapsulatedTimeStamp[^>]*>[A-Za-z0-9+/]{300})([A-Za-z0-9])/, (_m, head: string, c: string) => head + (c === 'Q' ? 'R' : 'Q')),
        ),
      ),
    );
    expect(r).toMatchObject({ ok: true, warnings: ['timestamp_invalid'] });
    expect(r.ok && r.signatures[0]?.integrity).toBe('intact');
  });

  it('a container without signature files is accepted with container_unsigned', async () => {
    const r = await inspectDocument(variant((es) => es.filter((e) => e.name !== SIG)));
    expect(r).toMatchObject({ ok: true, kind: 'asice', warnings: ['container_unsigned'], signatures: [], dataFiles: ['test2.txt'] });
  });

  it('missing mimetype is container_mimetype_missing; misplaced or compressed mimetype is container_mimetype_misplaced', async () => {
    expect(await inspectDocument(variant((es) => es.filter((e) => e.name !== 'mimetype')))).toMatchObject({ ok: false, reason: 'container_mimetype_missing' });
    expect(await inspectDocument(variant((es) => [...es.slice(1), ...es.slice(0, 1)]))).toMatchObject({ ok: false, reason: 'container_mimetype_misplaced' });
    expect(await inspectDocument(variant((es) => es.map((e) => (e.name === 'mimetype' ? { ...e, deflate: true } : e))))).toMatchObject({
      ok: false,
      reason: 'container_mimetype_misplaced',
    });
  });

  it('checks signature integrity before the layout: a changed data file in a container whose mimetype is entry 4 of 5 is signature_invalid', async () => {
    const moved = (es: ZipInput[]) => {
      const mime = es.find((e) => e.name === 'mimetype')!;
      const rest = [...es.filter((e) => e.name !== 'mimetype'), { name: 'META-INF/manifest-extra.xml', data: '<x/>' }];
      return [...rest.slice(0, 3), mime, ...rest.slice(3)];
    };
    const layoutOnly = await inspectDocument(variant(moved));
    expect(layoutOnly).toMatchObject({ ok: false, reason: 'container_mimetype_misplaced' });
    expect(!layoutOnly.ok && layoutOnly.detail).toContain('entry 4 of 5');
    const tampered = await inspectDocument(variant((es) => moved(es.map((e) => (e.name === 'test2.txt' ? { ...e, data: 'changed' } : e)))));
    expect(tampered).toMatchObject({ ok: false, reason: 'signature_invalid' });
  });

  it('another container type (ODF, ASiC-S) is unsupported_type; a plain zip is not_pdf', async () => {
    const odf = buildZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' },
      { name: 'content.xml', data: '<x/>', deflate: true },
      { name: 'META-INF/manifest.xml', data: '<m/>', deflate: true },
    ]);
    expect(await inspectDocument(odf)).toMatchObject({ ok: false, reason: 'unsupported_type' });
    expect(await inspectDocument(buildZip([{ name: 'a.txt', data: 'hello' }]))).toMatchObject({ ok: false, reason: 'not_pdf' });
  });

  it('declared or real uncompressed sizes over the cap are too_large; lying sizes are corrupt', async () => {
    const big = buildZip([
      { name: 'mimetype', data: MIME },
      { name: 'big.bin', data: new Uint8Array(5000), deflate: true },
    ]);
    expect(await inspectDocument(big, { maxBytes: 4000 })).toMatchObject({ ok: false, reason: 'too_large' });
    const liar = buildZip([
      { name: 'mimetype', data: MIME },
      { name: 'small.bin', data: new Uint8Array(50_000), deflate: true, declaredSize: 10 },
    ]);
    expect(await inspectDocument(liar)).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('duplicate entry names are container_malformed', async () => {
    const r = await inspectDocument(variant((es) => [...es, { name: 'test2.txt', data: 'second copy' }]));
    expect(r).toMatchObject({ ok: false, reason: 'container_malformed' });
  });
});
