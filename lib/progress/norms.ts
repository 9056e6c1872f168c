import 'server-only';

export const SPECIALIST_NORM_KEY = 'social_work_specialists_per_1000';

export type NormDto = { value: number; citation: string; sourceUrl: string };

/** Specialists (FTE) per 1 000 residents; null when either figure is unknown. */
export function perThousand(fte: number | null, population: number | null): number | null {
  return fte !== null && population !== null && population > 0 ? (fte / population) * 1000 : null;
}
