import 'server-only';
import { db } from '@/lib/db/client';
import { INDICATORS } from './indicators';
import { findNormInForce, perThousand, type NormDto } from './norms';

export type PublicIndicatorValue = { number: number | null; bool: boolean | null; text: string | null };
export type PublicPeriodReport = {
  year: number; dueOn: Date; overdue: boolean; submitted: boolean;
  report: null | {
    id: string; revision: number; acceptedAt: Date | null;
    commitments: { commitmentKey: string; status: 'NOT_STARTED' | 'IN_PROGRESS' | 'ACHIEVED'; narrative: string | null }[];
    actions: { commitmentKey: string; title: string; status: 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED'; plannedOn: Date | null; doneOn: Date | null; budgetEur: { toString(): string } | null }[];
    indicators: { key: string; numberValue: { toString(): string } | null; boolValue: boolean | null; textValue: string | null }[];
    documents: { id: string; kind: 'DECISION' | 'ANNEX' | 'EVIDENCE'; sha256: string; sizeBytes: number; originalName: string; inspection: unknown }[];
    specialistsPerThousand: number | null;
  };
  population: { value: number; source: string } | null;
};

/**
 * A municipality's public progress: for every period of the terms in which
 * it is a verified signatory, the latest ACCEPTED revision (drafts, submitted
 * and returned reports are never public) and whether the period is overdue
 * (past its due date with no report submitted or accepted).
 */
export async function findPublicProgress(municipalityId: string, now = new Date()): Promise<{ periods: PublicPeriodReport[]; norm: NormDto | null }> {
  const periods = await db().reportingPeriod.findMany({
    where: { term: { openedAt: { not: null }, accessions: { some: { municipalityId, status: 'VERIFIED' } } } },
    orderBy: { year: 'asc' },
    select: {
      year: true, dueOn: true, endsOn: true,
      reports: {
        where: { municipalityId },
        orderBy: { revision: 'desc' },
        select: {
          id: true, revision: true, status: true, acceptedAt: true,
          commitments: { select: { commitmentKey: true, status: true, narrative: true } },
          actions: { orderBy: [{ commitmentKey: 'asc' }, { position: 'asc' }], select: { commitmentKey: true, title: true, status: true, plannedOn: true, doneOn: true, budgetEur: true } },
          indicators: { select: { key: true, numberValue: true, boolValue: true, textValue: true } },
          documents: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, sha256: true, sizeBytes: true, originalName: true, inspection: true } },
        },
      },
    },
  });
  const [figures, norm] = await Promise.all([
    db().populationFigure.findMany({ where: { municipalityId }, select: { year: true, value: true, source: true } }),
    findNormInForce(now),
  ]);
  return {
    norm,
    periods: periods.map((p) => {
      const accepted = p.reports.find((r) => r.status === 'ACCEPTED') ?? null;
      const submitted = p.reports.some((r) => r.status === 'SUBMITTED' || r.status === 'ACCEPTED');
      const figure = figures.find((f) => f.year === p.year) ?? null;
      const fte = accepted?.indicators.find((i) => i.key === 'social_work_specialists_fte')?.numberValue;
      return {
        year: p.year, dueOn: p.dueOn, submitted, overdue: !submitted && p.dueOn < now,
        population: figure ? { value: figure.value, source: figure.source } : null,
        report: accepted ? {
          id: accepted.id, revision: accepted.revision, acceptedAt: accepted.acceptedAt, commitments: accepted.commitments, actions: accepted.actions, indicators: accepted.indicators, documents: accepted.documents,
          specialistsPerThousand: perThousand(fte === undefined || fte === null ? null : Number(fte), figure?.value ?? null),
        } : null,
      };
    }),
  };
}

/** Numeric indicator series across periods (null where unknown), for charts and CSV. */
export function indicatorSeries(periods: PublicPeriodReport[]) {
  return INDICATORS.filter((d) => d.kind !== 'boolean' && d.kind !== 'text').map((d) => ({
    def: d,
    points: periods.map((p) => {
      const v = p.report?.indicators.find((i) => i.key === d.key)?.numberValue;
      return { year: p.year, value: v === undefined || v === null ? null : Number(v) };
    }),
  }));
}
