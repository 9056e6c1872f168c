import 'server-only';
import { indicatorByKey } from '@/lib/progress/indicators';

export const SPECIALISTS_KEY = 'social_work_specialists_fte';
export const PAY_KEY = 'avg_gross_monthly_pay_eur';
/** Pay is compared only while the indicator is defined (lib/progress/indicators). */
export const HAS_PAY_INDICATOR = indicatorByKey.has(PAY_KEY);

export type CommitmentStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'ACHIEVED';

/** A municipality's latest ACCEPTED report of a term: the latest period year, then the highest revision. */
export type LatestAccepted = {
  reportId: string;
  municipalityId: string;
  year: number;
  periodEndsOn: Date;
  revision: number;
  acceptedAt: Date | null;
  commitments: Record<string, CommitmentStatus>;
  specialistsFte: number | null;
  avgPayEur: number | null;
};

type AcceptedRow = {
  id: string; revision: number; acceptedAt: Date | null; municipalityId: string;
  municipality: { slug: string };
  period: { year: number; endsOn: Date };
  commitments: { commitmentKey: string; status: CommitmentStatus }[];
  indicators: { key: string; numberValue: { toString(): string } | null }[];
};

const numberOf = (rows: AcceptedRow['indicators'], key: string): number | null => {
  const v = rows.find((i) => i.key === key)?.numberValue;
  return v === null || v === undefined ? null : Number(v.toString());
};

/** Pure: keeps, per municipality slug, the accepted report of the latest year and highest revision. */
export function pickLatestAccepted(rows: readonly AcceptedRow[]): Map<string, LatestAccepted> {
  const out = new Map<string, LatestAccepted>();
  for (const r of rows) {
    const seen = out.get(r.municipality.slug);
    if (seen && (seen.year > r.period.year || (seen.year === r.period.year && seen.revision >= r.revision))) continue;
    out.set(r.municipality.slug, {
      reportId: r.id, municipalityId: r.municipalityId, year: r.period.year, periodEndsOn: r.period.endsOn, revision: r.revision, acceptedAt: r.acceptedAt,
      commitments: Object.fromEntries(r.commitments.map((c) => [c.commitmentKey, c.status])),
      specialistsFte: numberOf(r.indicators, SPECIALISTS_KEY),
      avgPayEur: HAS_PAY_INDICATOR ? numberOf(r.indicators, PAY_KEY) : null,
    });
  }
  return out;
}
