/**
 * A third-party library failing inside one signature check is contained (the file gets a named
 * result, never an unexplained "damaged") and logged with the file's sha256 and the algorithm.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeThrown, logContained, withInspectionContext } from '@/lib/documents/context';
import { inspectDocument } from '@/lib/documents/inspect';
import { createSignedPdf } from './sign-helper';

afterEach(() => vi.restoreAllMocks());

function logged(spy: { mock: { calls: unknown[][] } }): { event: string; where: string; sha256: string | null; algorithm: string | null; error: string }[] {
  return spy.mock.calls.map(
    (c) => JSON.parse(String(c[0])) as { event: string; where: string; sha256: string | null; algorithm: string | null; error: string },
  );
}

describe('contained library failures', () => {
  it('a thrown plain object is logged readably (never "[object Object]") with the sha256 and algorithm', async () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bytes = new TextEncoder().encode('some file');
    await withInspectionContext(bytes, () =>
      Promise.resolve(logContained('xades signature value', 'RSA PKCS#1 v1.5 / SHA-224', { code: 'ERR_X', detail: 'unsupported' })),
    );
    expect(logged(spy)).toEqual([
      {
        event: 'document.check_failed',
        where: 'xades signature value',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        algorithm: 'RSA PKCS#1 v1.5 / SHA-224',
        error: '{"code":"ERR_X","detail":"unsupported"}',
      },
    ]);
    expect(describeThrown(new TypeError('bad'))).toBe('TypeError: bad');
  });

  it('a signature whose CMS the parser cannot read: that signature is invalid (named), and the failure is logged with the file sha256', async () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const pdf = await createSignedPdf({ cms: () => new Uint8Array([0x30, 0x82, 0x01, 0x00, 0xde, 0xad, 0xbe, 0xef]) });
    const r = await inspectDocument(pdf.bytes);
    expect(r).toMatchObject({ ok: false, reason: 'signature_invalid' });
    expect(!r.ok && r.detail).toMatch(/CMS not parseable/);
    const entries = logged(spy);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries[0]).toMatchObject({ event: 'document.check_failed', where: 'pdf cms', sha256: createHash('sha256').update(pdf.bytes).digest('hex') });
    expect(entries[0]?.error).not.toContain('[object Object]');
  });
});
