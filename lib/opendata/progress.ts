import 'server-only';
import { accessionStatesSql, reportStatesSql } from '@/lib/authz/workflow-sql';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { LV_COLLATOR } from '@/lib/municipalities/queries';
import { COMMITMENT_KEYS, INDICATORS } from '@/lib/progress/indicators';
import { resolveTerm } from './queries';
import { UNIT_OF_KIND, type CommitmentKeyOut, type OpenProgress, type OpenProgressAction, type OpenProgressIndicator } from './progress-fields';

/**
 * Progress reports as open data. Public by the same rule as the
 * municipality page (lib/progress/public.ts): for each municipality and
 * reporting year, only the latest ACCEPTED revision, only in a term whose
 * accession is VERIFIED and that is opened. Drafts, submitted and returned
 * reports, return comments, documents' file names and every user are never
 * selected. A commitment or an indicator without a value is null, never zero.
 */
export type ProgressData = {
  term: string | null;
  progress: OpenProgress[];
  actions: OpenProgressAction[];
  indicators: OpenProgressIndicator[];
};

const COMMITMENT_STATUS = { NOT_STARTED: 'not_started', IN_PROGRESS: 'in_progress', ACHIEVED: 'achieved' } as const;
const ACTION_STATUS = { PLANNED: 'planned', IN_PROGRESS: 'in_progress', DONE: 'done', CANCELLED: 'cancelled' } as const;
const ISO_INSTANT = 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';

type ReportRow = {
  revision: number;
  acceptedAt: string | null;
  isDemo: boolean;
  year: number;
  termSlug: string;
  termStartYear: number;
  municipalitySlug: string;
  atvkCode: string | null;
  nameLv: string;
  commitments: { key: string; status: keyof typeof COMMITMENT_STATUS; narrative: string | null }[];
  actions: { key: string; title: string; status: keyof typeof ACTION_STATUS; plannedOn: string | null; doneOn: string | null; budgetEur: string | null }[];
  indicators: { key: string; number: string | null; bool: boolean | null; text: string | null }[];
};

const isCommitment = (key: string): key is CommitmentKeyOut => (COMMITMENT_KEYS as readonly string[]).includes(key);
const numberOrNull = (text: string | null): number | null => (text === null ? null : Number(text));

/** The public progress of every municipality (all terms, or one term: an unknown term is a 404), as three flat tables. */
export async function listOpenProgress(opts: { term?: string } = {}): Promise<ProgressData> {
  const term = opts.term ? await resolveTerm(opts.term) : null;
  // Note: one query; the latest accepted revision per municipality and period, its rows aggregated as JSON.
  const rows = await db().$queryRaw<ReportRow[]>`
    SELECT r."revision", to_char(r."acceptedAt", ${ISO_INSTANT}) AS "acceptedAt", r."isDemo", p."year", t."slug" AS "termSlug", t."startYear" AS "termStartYear",
      m."slug" AS "municipalitySlug", m."atvkCode", m."nameLv",
      COALESCE((SELECT json_agg(json_build_object('key', c."commitmentKey", 'status', c."status", 'narrative', c."narrative"))
        FROM "ReportCommitment" c WHERE c."reportId" = r."id"), '[]') AS "commitments",
      COALESCE((SELECT json_agg(json_build_object('key', a."commitmentKey", 'title', a."title", 'status', a."status",
          'plannedOn', to_char(a."plannedOn", 'YYYY-MM-DD'), 'doneOn', to_char(a."doneOn", 'YYYY-MM-DD'), 'budgetEur', a."budgetEur"::text)
          ORDER BY a."commitmentKey", a."position", a."id")
        FROM "ReportAction" a WHERE a."reportId" = r."id"), '[]') AS "actions",
      COALESCE((SELECT json_agg(json_build_object('key', i."key", 'number', i."numberValue"::text, 'bool', i."boolValue", 'text', i."textValue"))
        FROM "ReportIndicator" i WHERE i."reportId" = r."id"), '[]') AS "indicators"
    FROM (
      SELECT DISTINCT ON (pr."municipalityId", pr."periodId") pr."id", pr."municipalityId", pr."periodId", pr."revision", pr."acceptedAt", pr."isDemo"
      FROM "ProgressReport" pr
      WHERE pr."status" IN (${reportStatesSql('published')})
      ORDER BY pr."municipalityId", pr."periodId", pr."revision" DESC
    ) r
    JOIN "ReportingPeriod" p ON p."id" = r."periodId"
    JOIN "CouncilTerm" t ON t."id" = p."termId"
    JOIN "Municipality" m ON m."id" = r."municipalityId"
    WHERE t."openedAt" IS NOT NULL
      AND EXISTS (SELECT 1 FROM "Accession" x WHERE x."termId" = t."id" AND x."municipalityId" = r."municipalityId" AND x."status" IN (${accessionStatesSql('member')}))
      ${term ? Prisma.sql`AND t."id" = ${term.id}` : Prisma.empty}`;
  rows.sort(
    (a, b) =>
      a.termStartYear - b.termStartYear || LV_COLLATOR.compare(a.nameLv, b.nameLv) || a.municipalitySlug.localeCompare(b.municipalitySlug) || a.year - b.year,
  );
  const data: ProgressData = { term: term?.slug ?? null, progress: [], actions: [], indicators: [] };
  for (const r of rows) {
    const key = (commitment: CommitmentKeyOut) => ({
      municipality_slug: r.municipalitySlug,
      atvk_code: r.atvkCode,
      term: r.termSlug,
      year: r.year,
      commitment,
    });
    for (const commitment of COMMITMENT_KEYS) {
      const c = r.commitments.find((x) => x.key === commitment);
      data.progress.push({
        ...key(commitment),
        status: c ? COMMITMENT_STATUS[c.status] : null,
        narrative: c?.narrative ?? null,
        report_revision: r.revision,
        accepted_at: r.acceptedAt,
        is_demo: r.isDemo,
      });
      r.actions
        .filter((a) => a.key === commitment)
        .forEach((a, i) => {
          data.actions.push({
            ...key(commitment),
            position: i + 1,
            title: a.title,
            status: ACTION_STATUS[a.status],
            planned_on: a.plannedOn,
            done_on: a.doneOn,
            budget_eur: numberOrNull(a.budgetEur),
            is_demo: r.isDemo,
          });
        });
    }
    for (const def of INDICATORS) {
      if (!isCommitment(def.commitment)) continue;
      const v = r.indicators.find((x) => x.key === def.key);
      const isNumber = def.kind !== 'boolean' && def.kind !== 'text';
      data.indicators.push({
        ...key(def.commitment),
        indicator: def.key,
        kind: def.kind,
        unit: UNIT_OF_KIND[def.kind],
        value_number: isNumber ? numberOrNull(v?.number ?? null) : null,
        value_boolean: def.kind === 'boolean' ? (v?.bool ?? null) : null,
        value_text: def.kind === 'text' ? (v?.text ?? null) : null,
        is_demo: r.isDemo,
      });
    }
  }
  return data;
}
