import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectDocument } from '@/lib/documents/inspect';
import { uploadRejection } from '@/lib/documents/rejection';
import { MAX_UPLOAD_BYTES } from '@/lib/documents/types';
import { lookup } from '@/lib/i18n';
import { requireCorpus } from './corpus-dir';

describe('the answer to a refused upload (QA s13)', () => {
  it('the 1 MB zip bomb is refused as too_large (corpus manifest) but told as "expands too much or damaged", 422, not "file too large", 413', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(requireCorpus(), 'zip-bomb-1gb.asice')));
    const result = await inspectDocument(bytes, { maxBytes: MAX_UPLOAD_BYTES });
    expect(result).toMatchObject({ ok: false, reason: 'too_large' });
    const answer = uploadRejection('too_large', bytes.byteLength, MAX_UPLOAD_BYTES);
    expect(answer).toEqual({ code: 'UNPROCESSABLE', messageKey: 'upload.too_large_expanded' });
    expect(lookup('lv', answer.messageKey)).toMatch(/^Konteiners \(\.edoc\/\.asice\) pēc atpakošanas būtu pārāk liels vai ir bojāts/);
    expect(lookup('lv', answer.messageKey)).not.toContain('25 MB');
  });

  it('a file over the cap is still "too large" (413); other reasons keep their own message', () => {
    expect(uploadRejection('too_large', MAX_UPLOAD_BYTES + 1, MAX_UPLOAD_BYTES)).toEqual({ code: 'TOO_LARGE', messageKey: 'upload.too_large' });
    expect(uploadRejection('not_pdf', 10, MAX_UPLOAD_BYTES)).toEqual({ code: 'UNSUPPORTED', messageKey: 'upload.not_pdf' });
    expect(uploadRejection('corrupt', 10, MAX_UPLOAD_BYTES)).toEqual({ code: 'UNPROCESSABLE', messageKey: 'upload.corrupt' });
  });
});
