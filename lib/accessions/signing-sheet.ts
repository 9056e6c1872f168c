import 'server-only';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { translator } from '@/lib/i18n';
import { rigaIsoDay } from '@/lib/dates';
import { now as clockNow } from '@/lib/clock';
import { findMemorandum, memorandumDocument } from '@/lib/memorandum/queries';
import { renderSigningSheet } from '@/lib/pdf/signing-sheet';
import { findSecretaryAccession } from './workflow';
import { lvCouncilGenitive, lvDate, lvGenitive } from '@/lib/i18n/latvian';

/**
 * The signing sheet for a municipality's recorded decision: the Latvian
 * memorandum text with the municipality, decision number and date filled in,
 * and signature lines for the council and the two associations. The
 * associations' blocks name only the association, with blank lines for the
 * signatory's name, position, signature and date (ADR 0222): the portal holds
 * no current, sourced record of who signs for them; the 2021 signatories are a
 * historical fact shown on the memorandum page only.
 */
export async function buildSigningSheet({
  actor,
  municipalitySlug,
}: {
  actor: Actor | null;
  municipalitySlug: string;
}): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { municipality, accession } = await findSecretaryAccession({ actor, municipalitySlug });
  requirePermission(actor, 'accession.view-draft', { municipalityId: municipality.id });
  const memo = await findMemorandum();
  if (!memo) throw new AppError('NOT_FOUND');
  if (!accession?.decisionNumber || !accession.sessionDate) throw new AppError('CONFLICT', 'accession.needDecisionFacts');
  const t = translator('lv');
  // The memorandum's stored text laid out as the annex is, its commitments as listed (lib/memorandum, ADR 0190).
  const document = memorandumDocument(memo.textLv);
  // "Madonas novada domes 2025. gada 20. marta lēmumam", "… domes vārdā": genitive body and date (lib/i18n/latvian).
  const body = accession.councilBody ? lvGenitive(accession.councilBody) : lvCouncilGenitive(municipality.officialNameLv);
  const date = lvDate(accession.sessionDate, 'genitive');
  const bytes = await renderSigningSheet({
    ...document,
    municipalityName: municipality.officialNameLv,
    councilBody: accession.councilBody,
    decisionLine: t('sheet.decisionLine', { body, date, number: accession.decisionNumber }),
    signatureBlocks: [
      { heading: t('sheet.councilHeading', { body }), name: accession.signatoryName, role: accession.signatoryRole },
      ...memo.issuers.map((i) => ({ heading: t('sheet.issuerHeading', { name: lvGenitive(i.nameLv) }), name: null, role: null })),
    ],
    labels: {
      annex: t('sheet.annex'),
      signature: t('sheet.signature'),
      nameAndSurname: t('sheet.nameAndSurname'),
      position: t('sheet.position'),
      date: t('sheet.date'),
      generatedNote: t('sheet.generatedNote', { date: lvDate(rigaIsoDay(clockNow()), 'locative') }),
    },
  });
  return { bytes, fileName: `memorands-${municipality.slug}.pdf` };
}
