import 'server-only';
import { findMunicipalityPublic, listBrowsableTerms } from './queries';
import { isInTerm } from '@/lib/terms/renewal';
import { findPublicProgressView } from '@/lib/progress/public-view';
import { latestVerdicts } from '@/lib/trust/verdicts';
import { db } from '@/lib/db/client';
import { normaliseSlug } from './slug';
import { publicDocuments } from '@/lib/documents/public-signer';
import type { TrustVerdict } from '@/lib/trust/types';

export type TMunicipalityPage = NonNullable<Awaited<ReturnType<typeof findMunicipalityPage>>>;

/**
 * Everything a municipality's public page shows, read before rendering:
 * its public facts and accessions (findMunicipalityPublic: a pending
 * submission's facts stay private), the terms by the calendar in which the
 * unit existed, its public progress and the stored signature verdicts of
 * every document shown (one query). Null for an unknown slug. Signatures
 * and verdicts carry only what the public may see (publicDocuments, ADR 0220:
 * the signer's name, never a personal code from the certificate).
 */
export async function findMunicipalityPage(slug: string) {
  const m = await findMunicipalityPublic(slug);
  if (!m) return null;
  const [terms, progress] = await Promise.all([listBrowsableTerms(), findPublicProgressView(m.id)]);
  const documentIds = [
    ...m.accessions.flatMap((a) => a.documents.map((d) => d.id)),
    ...progress.periods.flatMap((p) => p.report?.documents.map((d) => d.id) ?? []),
  ];
  const stored = documentIds.length > 0 ? await latestVerdicts(documentIds) : new Map<string, TrustVerdict[]>();
  const verdicts = new Map<string, TrustVerdict[]>();
  const accessions = m.accessions.map((a) => ({ ...a, documents: publicDocuments(a.documents, stored, verdicts) }));
  const periods = progress.periods.map((p) =>
    p.report ? { ...p, report: { ...p.report, documents: publicDocuments(p.report.documents, stored, verdicts) } } : p,
  );
  return { m: { ...m, accessions }, existedIn: terms.filter((term) => isInTerm(m, term)), progress: { ...progress, periods }, verdicts };
}

/** The canonical slug for an address that differs from one only in case or diacritics ("Liepaja", "liepāja" → "liepaja"); else null. */
export async function canonicalSlugFor(slug: string): Promise<string | null> {
  const normalised = normaliseSlug(slug);
  if (!normalised || normalised === slug) return null;
  const m = await db().municipality.findUnique({ where: { slug: normalised }, select: { slug: true } });
  return m?.slug ?? null;
}
