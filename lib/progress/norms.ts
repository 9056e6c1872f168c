import 'server-only';
import { db } from '@/lib/db/client';

export const SPECIALIST_NORM_KEY = 'social_work_specialists_per_1000';

export type NormDto = { value: number; citation: string; sourceUrl: string };

/** The version of the social work specialist norm in force on `at`, or null when none is recorded. */
export async function findNormInForce(at: Date): Promise<NormDto | null> {
  const norm = await db().legalNorm.findFirst({
    where: { key: SPECIALIST_NORM_KEY, validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gte: at } }] },
    orderBy: { validFrom: 'desc' },
    select: { value: true, citation: true, sourceUrl: true },
  });
  return norm ? { value: Number(norm.value), citation: norm.citation, sourceUrl: norm.sourceUrl } : null;
}

/** Specialists (FTE) per 1 000 residents; null when either figure is unknown. */
export function perThousand(fte: number | null, population: number | null): number | null {
  return fte !== null && population !== null && population > 0 ? (fte / population) * 1000 : null;
}
