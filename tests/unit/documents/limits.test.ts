/** Size limits, empty input, magic-byte sniffing and "never throws" on hostile input. */
import { describe, expect, it } from 'vitest';
import { inspectDocument, MAX_UPLOAD_BYTES } from '@/lib/documents/inspect';
import { PDFDocument, PDFName } from 'pdf-lib';
import { buildUnsignedPdf } from './sign-helper';

describe('limits and sniffing', () => {
  it('MAX_UPLOAD_BYTES is 25 MiB', () => {
    expect(MAX_UPLOAD_BYTES).toBe(25 * 1024 * 1024);
  });

  it('rejects 25 MiB + 1 byte with too_large before parsing', async () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(Buffer.from('%PDF-1.7\n', 'latin1'));
    // Before parsing: decided by the size alone, not a byte read (what it reads is recorded; no timing, which flakes under load).
    const read = new Set<PropertyKey>();
    const watched = new Proxy(big, {
      get(target, prop) {
        read.add(prop);
        const value: unknown = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    expect(await inspectDocument(watched)).toMatchObject({ ok: false, reason: 'too_large' });
    expect([...read].filter((p) => p !== 'byteLength' && p !== 'length')).toEqual([]);
  });

  it('honours a custom maxBytes', async () => {
    const pdf = await buildUnsignedPdf();
    expect(await inspectDocument(pdf, { maxBytes: pdf.length - 1 })).toMatchObject({ ok: false, reason: 'too_large' });
    expect(await inspectDocument(pdf, { maxBytes: pdf.length })).toMatchObject({ ok: true });
  });

  it('accepts a PDF padded close to the limit', async () => {
    const pdf = Buffer.from(await buildUnsignedPdf());
    const padded = new Uint8Array(MAX_UPLOAD_BYTES);
    padded.set(pdf);
    // trailing NUL padding after %%EOF is tolerated by readers
    expect(await inspectDocument(padded)).toMatchObject({ ok: true, kind: 'pdf' });
  });

  it('rejects 0 bytes as empty', async () => {
    expect(await inspectDocument(new Uint8Array(0))).toEqual({ ok: false, reason: 'empty' });
  });

  it('rejects content without a PDF/ZIP header at offset 0 as not_pdf', async () => {
    const pdf = await buildUnsignedPdf();
    const shifted = new Uint8Array(pdf.length + 2);
    shifted.set([0x4d, 0x5a]);
    shifted.set(pdf, 2);
    expect(await inspectDocument(shifted)).toMatchObject({ ok: false, reason: 'not_pdf' });
    expect(await inspectDocument(Buffer.from('<html><body>hi</body></html>'))).toMatchObject({ ok: false, reason: 'not_pdf' });
  });

  it('treats a PDF without %%EOF as truncated and garbage after the header as corrupt', async () => {
    const pdf = await buildUnsignedPdf();
    expect(await inspectDocument(pdf.subarray(0, Math.floor(pdf.length / 2)))).toMatchObject({ ok: false, reason: 'truncated' });
    expect(await inspectDocument(Buffer.from('%PDF-1.7\n\x00\x01\x02 garbage\n%%EOF\n', 'latin1'))).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('names a PDF with complete objects but no cross-reference data no_xref (not "cut off"), with or without %%EOF', async () => {
    const text = Buffer.from(await buildUnsignedPdf()).toString('latin1');
    const objectsOnly = text.slice(0, text.lastIndexOf('endobj') + 'endobj'.length) + '\n';
    expect(objectsOnly).not.toContain('xref');
    expect(await inspectDocument(Buffer.from(objectsOnly, 'latin1'))).toMatchObject({ ok: false, reason: 'no_xref' });
    expect(await inspectDocument(Buffer.from(`${objectsOnly}%%EOF\n`, 'latin1'))).toMatchObject({ ok: false, reason: 'no_xref' });
  });

  it('reads a catalog without /Type /Catalog from the trailer /Root, so its Launch action is still found', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'Launch', F: 'calc.exe' }));
    const text = Buffer.from(await doc.save({ useObjectStreams: false })).toString('latin1');
    const untyped = text.replace('/Type /Catalog', ' '.repeat('/Type /Catalog'.length));
    expect(untyped).not.toContain('/Catalog');
    const r = await inspectDocument(Buffer.from(untyped, 'latin1'));
    expect(r).toMatchObject({ ok: true, kind: 'pdf', pageCount: 1 });
    expect(r.ok && r.warnings).toContain('launch_action');
  });

  it('never throws on random bytes behind a valid magic', async () => {
    for (const magic of ['%PDF-1.4\n', 'PK\x03\x04']) {
      for (let i = 0; i < 20; i++) {
        const junk = new Uint8Array(200 + i * 37);
        globalThis.crypto.getRandomValues(junk);
        junk.set(Buffer.from(magic, 'latin1'));
        const r = await inspectDocument(junk);
        expect(r.ok).toBe(false);
      }
    }
  });
});
