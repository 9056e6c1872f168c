/**
 * Real-world corpus (tests/fixtures/corpus/manifest.json): every file must get exactly its
 * expected outcome. The corpus is required: a missing folder fails the suite (no skipping).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { inspectDocument, type InspectResult, type SignatureInfo } from '@/lib/documents/inspect';
import { corpusDir } from './corpus-dir';

type Expected = { outcome: 'accept' | 'accept_with_warning' | 'reject'; warnings?: string[]; reason?: string };
type ManifestFile = { file: string; size: number; sha256: string; expected: Expected; facts: string };

const manifestPath = path.join(corpusDir, 'manifest.json');
const corpusPresent = existsSync(manifestPath);
const files: ManifestFile[] = corpusPresent ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: ManifestFile[] }).files : [];

const results = new Map<string, Promise<InspectResult>>();
function inspect(file: string): Promise<InspectResult> {
  let r = results.get(file);
  if (!r) {
    r = inspectDocument(new Uint8Array(readFileSync(path.join(corpusDir, file))));
    results.set(file, r);
  }
  return r;
}

async function signaturesOf(file: string): Promise<SignatureInfo[]> {
  const r = await inspect(file);
  if (!r.ok) throw new Error(`${file} was rejected: ${r.reason} ${r.detail ?? ''}`);
  return r.signatures;
}

describe('document corpus', () => {
  it('is present', () => {
    const hint = `document corpus missing at ${manifestPath} (it is part of the repository)`;
    expect(corpusPresent, hint).toBe(true);
    expect(files.length).toBe(25);
  });

  for (const f of files) {
    const exp = f.expected;
    it(`${f.file} -> ${exp.outcome}${exp.reason ? ` (${exp.reason})` : ''}${exp.warnings ? ` [${exp.warnings.join(', ')}]` : ''}`, async () => {
      const sha = createHash('sha256')
        .update(readFileSync(path.join(corpusDir, f.file)))
        .digest('hex');
      expect(sha, `${f.file} differs from the manifest`).toBe(f.sha256);
      const r = await inspect(f.file);
      if (exp.outcome === 'reject') {
        expect(r.ok, JSON.stringify(r)).toBe(false);
        if (!r.ok) expect(r.reason).toBe(exp.reason);
        return;
      }
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (!r.ok) return;
      const expectedWarnings = exp.outcome === 'accept' ? [] : [...(exp.warnings ?? [])].sort();
      expect([...r.warnings].sort()).toEqual(expectedWarnings);
      for (const s of r.signatures) expect(s.integrity).toBe('intact');
    });
  }
});

describe('document corpus: signature facts', () => {
  it('qpdf-digitally-signed.pdf: one intact CMS signature by "John Doe" covering the whole file', async () => {
    const sigs = await signaturesOf('qpdf-digitally-signed.pdf');
    expect(sigs).toHaveLength(1);
    expect(sigs[0]).toMatchObject({ format: 'pades', signerName: 'John Doe', integrity: 'intact', coversWholeDocument: true });
  });

  it('signpdf-signed-twice.pdf: two intact signatures, only the last one covers the whole file', async () => {
    const sigs = await signaturesOf('signpdf-signed-twice.pdf');
    expect(sigs).toHaveLength(2);
    expect(sigs.map((s) => s.integrity)).toEqual(['intact', 'intact']);
    expect(sigs.map((s) => s.coversWholeDocument)).toEqual([false, true]);
  });

  it('lv-eid-sha256.edoc: GATIS BEIKERTS, issuer E-ME SI, time-stamped, covers test.docx', async () => {
    const r = await inspect('lv-eid-sha256.edoc');
    expect(r.ok && r.kind).toBe('asice');
    expect(r.ok && r.mediaType).toBe('application/vnd.etsi.asic-e+zip');
    expect(r.ok && r.dataFiles).toEqual(['test.docx']);
    const [sig] = await signaturesOf('lv-eid-sha256.edoc');
    expect(sig).toMatchObject({ format: 'xades', signerName: 'GATIS BEIKERTS', hasTimestamp: true, integrity: 'intact', coversWholeDocument: true });
    expect(sig?.issuer).toContain('E-ME SI');
    expect(sig?.coveredFiles).toEqual(['test.docx']);
    expect(sig?.signingTime).toBe('2017-03-28T10:44:27.000Z');
    expect(sig?.timestampTime).toMatch(/^2017-03-28T10:44/);
  });

  it('lv-T-signature.asice: MĀRA PARAUDZIŅA issued by DEMO LV eID ICA 2021, with time stamp', async () => {
    const [sig] = await signaturesOf('lv-T-signature.asice');
    expect(sig?.signerName?.normalize('NFC')).toBe('MĀRA PARAUDZIŅA');
    expect(sig?.issuer).toContain('DEMO LV eID ICA 2021');
    expect(sig?.hasTimestamp).toBe(true);
    expect(sig?.timestampTime).not.toBeNull();
  });

  it('ee-valid-asice.asice: ESTEID-SK 2015 test signer, intact', async () => {
    const [sig] = await signaturesOf('ee-valid-asice.asice');
    expect(sig?.issuer).toContain('ESTEID-SK 2015');
    expect(sig?.integrity).toBe('intact');
    expect(sig?.coveredFiles).toEqual(['test.txt']);
  });

  it('unsigned PDFs report no signatures', async () => {
    expect(await signaturesOf('pdflatex-minimal.pdf')).toEqual([]);
    const r = await inspect('geotopo-many-pages.pdf');
    expect(r.ok && r.pageCount).toBe(117);
  });
});
