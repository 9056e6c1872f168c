import 'server-only';
import { accessionStatesSql, reportStatesSql } from '@/lib/authz/workflow-sql';
import { db } from '@/lib/db/client';
import { INDICATORS } from './indicators';
import { SPECIALIST_NORM_KEY, perThousand, type NormDto } from './norms';
import { Prisma } from '@/lib/generated/prisma/client';
import { rigaIsoDay, utcDay } from '@/lib/dates';
import { utcInstant } from '@/lib/municipalities/queries';
import { owedCte } from './deadlines';
import type { ReportViewData } from './format';
import { now as clockNow } from '@/lib/clock';

export type PublicIndicatorValue = { number: number | null; bool: boolean | null; text: string | null };
export type PublicPeriodReport = {
  year: number;
  /** The period's term and dates: a year split by elections has a period in each term (ADR 0215). */
  termSlug: string;
  startsOn: Date;
  endsOn: Date;
  dueOn: Date;
  overdue: boolean;
  submitted: boolean;
  /** The period is owed (it begins after the decision: lib/progress/deadlines); false = no report owed for it. */
  owed: boolean;
  report:
    | null
    | (ReportViewData & {
        id: string;
        revision: number;
        acceptedAt: Date | null;
        /** Demo data (npm run demo): labelled on the page. */
        isDemo: boolean;
        documents: { id: string; kind: 'DECISION' | 'ANNEX' | 'EVIDENCE'; sha256: string; sizeBytes: number; originalName: string; inspection: unknown }[];
        specialistsPerThousand: number | null;
      });
  population: { value: number; source: string } | null;
  /** The legal minimum (specialists per 1 000 residents) in force at the end of the period; null when none is stored with a source. */
  norm: NormDto | null;
};

/**
 * A municipality's public progress: for every period of the terms in which
 * it is a verified signatory, the latest ACCEPTED revision (drafts, submitted
 * and returned reports are never public) and whether the period is overdue
 * (past its due date with no report submitted or accepted).
 */
export async function findPublicProgress(municipalityId: string, now = clockNow()): Promise<{ periods: PublicPeriodReport[]; norm: NormDto | null }> {
  // Note: one query: the periods with only the latest ACCEPTED revision's contents, the population figure of each year and the norm in force.
  const at = now.toISOString();
  const [row] = await db().$queryRaw<{ norm: NormJson | null; periods: PeriodJson[] }[]>`
    WITH t AS (SELECT "id", "openedAt" FROM "CouncilTerm"), ${owedCte(rigaIsoDay(now), municipalityId)}
    SELECT
      (SELECT json_build_object('value', n."value"::text, 'citation', n."citation", 'sourceUrl', n."sourceUrl")
         FROM "LegalNorm" n
        WHERE n."key" = ${SPECIALIST_NORM_KEY} AND n."validFrom" <= (${at}::timestamptz AT TIME ZONE 'UTC')
          AND (n."validTo" IS NULL OR n."validTo" >= (${at}::timestamptz AT TIME ZONE 'UTC'))
        ORDER BY n."validFrom" DESC LIMIT 1) AS "norm",
      COALESCE((
        SELECT json_agg(json_build_object(
          'year', p."year", 'termSlug', t."slug", 'startsOn', p."startsOn", 'endsOn', p."endsOn", 'dueOn', p."dueOn",
          'owed', EXISTS (SELECT 1 FROM duty d WHERE d."periodId" = p."id"),
          'overdue', EXISTS (SELECT 1 FROM owed o WHERE o."periodId" = p."id" AND o."overdue"),
          'submitted', EXISTS (SELECT 1 FROM "ProgressReport" r WHERE r."municipalityId" = ${municipalityId} AND r."periodId" = p."id" AND r."status" IN (${reportStatesSql('delivered')})),
          'norm', (SELECT json_build_object('value', n."value"::text, 'citation', n."citation", 'sourceUrl', n."sourceUrl")
             FROM "LegalNorm" n
            WHERE n."key" = ${SPECIALIST_NORM_KEY} AND n."validFrom" <= p."endsOn" AND (n."validTo" IS NULL OR n."validTo" >= p."endsOn")
            ORDER BY n."validFrom" DESC LIMIT 1),
          'population', (SELECT json_build_object('value', f."value", 'source', f."source") FROM "PopulationFigure" f WHERE f."municipalityId" = ${municipalityId} AND f."year" = p."year"),
          'report', (
            SELECT json_build_object(
              'id', r."id", 'revision', r."revision", 'acceptedAt', r."acceptedAt", 'isDemo', r."isDemo",
              'commitments', COALESCE((SELECT json_agg(json_build_object('commitmentKey', c."commitmentKey", 'status', c."status", 'narrative', c."narrative") ORDER BY c."commitmentKey")
                FROM "ReportCommitment" c WHERE c."reportId" = r."id"), '[]'),
              'actions', COALESCE((SELECT json_agg(json_build_object('commitmentKey', a."commitmentKey", 'title', a."title", 'status', a."status", 'plannedOn', a."plannedOn", 'doneOn', a."doneOn", 'budgetEur', a."budgetEur"::text) ORDER BY a."commitmentKey", a."position")
                FROM "ReportAction" a WHERE a."reportId" = r."id"), '[]'),
              'indicators', COALESCE((SELECT json_agg(json_build_object('key', i."key", 'numberValue', i."numberValue"::text, 'boolValue', i."boolValue", 'textValue', i."textValue") ORDER BY i."key")
                FROM "ReportIndicator" i WHERE i."reportId" = r."id"), '[]'),
              'documents', COALESCE((SELECT json_agg(json_build_object('id', d."id", 'kind', d."kind", 'sha256', d."sha256", 'sizeBytes', d."sizeBytes", 'originalName', d."originalName", 'inspection', d."inspection") ORDER BY d."createdAt")
                FROM "Document" d WHERE d."reportId" = r."id"), '[]'))
            FROM "ProgressReport" r
            WHERE r."municipalityId" = ${municipalityId} AND r."periodId" = p."id" AND r."status" IN (${reportStatesSql('published')})
            ORDER BY r."revision" DESC LIMIT 1)
        ) ORDER BY p."year", t."startsOn")
        FROM "ReportingPeriod" p JOIN "CouncilTerm" t ON t."id" = p."termId"
        WHERE t."openedAt" IS NOT NULL
          AND EXISTS (SELECT 1 FROM "Accession" x WHERE x."termId" = t."id" AND x."municipalityId" = ${municipalityId} AND x."status" IN (${accessionStatesSql('member')}))
      ), '[]') AS "periods"`;
  const decimal = (v: string | null) => (v === null ? null : new Prisma.Decimal(v));
  const day = (v: string | null) => (v === null ? null : utcDay(v.slice(0, 10)));
  return {
    norm: row?.norm ? { value: Number(row.norm.value), citation: row.norm.citation, sourceUrl: row.norm.sourceUrl } : null,
    periods: (row?.periods ?? []).map((p) => {
      const dueOn = utcDay(p.dueOn.slice(0, 10));
      const accepted = p.report;
      const fte = accepted?.indicators.find((i) => i.key === 'social_work_specialists_fte')?.numberValue;
      return {
        year: p.year,
        termSlug: p.termSlug,
        startsOn: utcDay(p.startsOn.slice(0, 10)),
        endsOn: utcDay(p.endsOn.slice(0, 10)),
        dueOn,
        submitted: p.submitted,
        owed: p.owed,
        overdue: p.overdue,
        population: p.population,
        norm: p.norm ? { value: Number(p.norm.value), citation: p.norm.citation, sourceUrl: p.norm.sourceUrl } : null,
        report: accepted
          ? {
              id: accepted.id,
              revision: accepted.revision,
              acceptedAt: utcInstant(accepted.acceptedAt),
              isDemo: Boolean(accepted.isDemo),
              commitments: accepted.commitments,
              actions: accepted.actions.map((a) => ({ ...a, plannedOn: day(a.plannedOn), doneOn: day(a.doneOn), budgetEur: decimal(a.budgetEur) })),
              indicators: accepted.indicators.map((i) => ({ ...i, numberValue: decimal(i.numberValue) })),
              documents: accepted.documents,
              specialistsPerThousand: perThousand(fte === undefined || fte === null ? null : Number(fte), p.population?.value ?? null),
            }
          : null,
      };
    }),
  };
}

type NormJson = { value: string; citation: string; sourceUrl: string };
type ReportJson = NonNullable<PublicPeriodReport['report']>;
type PeriodJson = {
  year: number;
  termSlug: string;
  startsOn: string;
  endsOn: string;
  dueOn: string;
  submitted: boolean;
  owed: boolean;
  overdue: boolean;
  population: PublicPeriodReport['population'];
  norm: NormJson | null;
  report:
    | null
    | (Omit<ReportJson, 'acceptedAt' | 'actions' | 'indicators' | 'specialistsPerThousand'> & {
        acceptedAt: string | null;
        actions: (Omit<ReportJson['actions'][number], 'plannedOn' | 'doneOn' | 'budgetEur'> & {
          plannedOn: string | null;
          doneOn: string | null;
          budgetEur: string | null;
        })[];
        indicators: (Omit<ReportJson['indicators'][number], 'numberValue'> & { numberValue: string | null })[];
      });
};

/** The derived ratio (specialists per 1 000 residents) across periods, with the legal minimum in force in each; for the chart. */
export function ratioSeries(periods: PublicPeriodReport[]) {
  return periods.map((p) => ({ year: p.year, value: p.report?.specialistsPerThousand ?? null, norm: p.norm?.value ?? null }));
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
