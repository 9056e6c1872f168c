/**
 * QA s13 M4 (ADR 0220): the public municipality page, rendered by the function its route calls,
 * names an Estonian ID-card signer by given name and surname and carries the personal code
 * nowhere; the secretary's own view keeps the certificate's common name in full.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildStylesheet } from '../../scripts/build-stylesheet';
import { addDocument, recordDecision } from '@/lib/accessions/workflow';
import { db } from '@/lib/db/client';
import type { SignatureInfo } from '@/lib/documents/types';
import { findMunicipalityPage } from '@/lib/municipalities/public-page';
import { findMunicipalityPublic } from '@/lib/municipalities/queries';
import { municipalityPageResponse } from '@/lib/site/public-pages';
import { receiveToTemp } from '@/lib/storage';
import { requireCorpus } from '../unit/documents/corpus-dir';
import { actorOf, createUser, resetDatabase } from './db-utils';
import { decision } from './support/mail';

const SLUG = 'cesu-novads';
const CODE = '11404176865';

async function publishEstonianSignature(): Promise<string> {
  const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: SLUG }));
  await recordDecision({ actor: secretary, municipalitySlug: SLUG, input: { ...decision, decisionNumber: '325' } });
  const bytes = await readFile(path.join(requireCorpus(), 'ee-valid-asice.asice'));
  const file = await receiveToTemp(Readable.from([bytes]), 25 * 1024 * 1024);
  const doc = await addDocument({ actor: secretary, municipalitySlug: SLUG, kind: 'ANNEX', originalName: 'pielikums.asice', file });
  const { accessionId } = await db().document.findUniqueOrThrow({ where: { id: doc.id }, select: { accessionId: true } });
  await db().accession.update({ where: { id: accessionId! }, data: { status: 'VERIFIED', submittedAt: new Date(), verifiedAt: new Date() } });
  return doc.id;
}

describe('signer names on the public page', () => {
  beforeAll(() => buildStylesheet(process.cwd()));
  beforeEach(resetDatabase);

  it('the public page data and HTML name the signer without the personal code; the secretary view keeps it', async () => {
    const documentId = await publishEstonianSignature();

    const page = (await findMunicipalityPage(SLUG))!;
    const doc = page.m.accessions.flatMap((a) => a.documents).find((d) => d.id === documentId)!;
    expect((doc.inspection as { signatures: SignatureInfo[] }).signatures[0]!.signerName).toBe('MÄRÜ-LÖÖZ ŽÕRINÜWŠKY');
    expect(page.verdicts.get(documentId)![0]!.facts.signer).toBe('MÄRÜ-LÖÖZ ŽÕRINÜWŠKY');
    expect(JSON.stringify(page.m)).not.toContain(CODE);
    expect(JSON.stringify([...page.verdicts.values()])).not.toContain(CODE);

    for (const locale of ['lv', 'en']) {
      const html = await (await municipalityPageResponse({ locale, pathname: `/${locale}/municipalities/${SLUG}`, slug: SLUG })).text();
      expect(html).toContain('MÄRÜ-LÖÖZ ŽÕRINÜWŠKY');
      expect(html).not.toContain(CODE);
    }

    const own = (await findMunicipalityPublic(SLUG))!;
    const stored = own.accessions.flatMap((a) => a.documents).find((d) => d.id === documentId)!;
    expect((stored.inspection as { signatures: SignatureInfo[] }).signatures[0]!.signerName).toBe(`ŽÕRINÜWŠKY,MÄRÜ-LÖÖZ,${CODE}`);
  });
});
