import 'server-only';
import { accessionStatesSql, reportStatesSql } from '@/lib/authz/workflow-sql';
import { db } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { rowsVersion } from '@/lib/db/row-version';

/**
 * The open data access layer. Public by design (no actor): every query
 * selects field by field, so a draft, a returned or a pending submission's
 * facts, return reasons, uploaders, e-mail addresses and any other user data
 * can never reach a response. The lists themselves are read in
 * ./municipality-rows.ts and ./accession-rows.ts (re-exported here); this
 * module keeps the datasets' dates and the lists' version.
 */

export { geometryOf, OPEN_DATA_BATCH, resolveTerm, type OpenRow, type OpenRowStream } from './stream';
export { listOpenMunicipalities, streamOpenMunicipalities, type MunicipalityData } from './municipality-rows';
export { listOpenAccessions, streamOpenAccessions, type AccessionData } from './accession-rows';

/** Issued, modified and covered period of one dataset; null where there is nothing to tell. */
export type DatasetDates = { issued: Date | null; modified: Date | null; temporal: { start: string; end: string } | null };
export type OpenDataDates = { accessions: DatasetDates; progress: DatasetDates };

// Note: "public" progress is the open data's rule (lib/opendata/progress.ts): accepted, in an opened term, by a verified signatory.
const PUBLIC_REPORT = Prisma.sql`r."status" IN (${reportStatesSql('published')}) AND t."openedAt" IS NOT NULL
  AND EXISTS (SELECT 1 FROM "Accession" x WHERE x."termId" = t."id" AND x."municipalityId" = r."municipalityId" AND x."status" IN (${accessionStatesSql('member')}))`;

/**
 * The dates of the two datasets, from the database (the same after a
 * restart, whatever the server's start time), in one query:
 * - who joined: issued when the municipalities were first loaded; modified at
 *   the latest public change: a municipality's change, a public status change
 *   of an accession (submitted, returned, verified, withdrawn: each changes its
 *   municipality's public status), a change of a verified or withdrawn
 *   accession's facts, or the opening of a term; covering the opened terms;
 * - progress: issued at the first accepted public report, modified at the
 *   latest, covering the reporting periods of the published reports.
 * Drafts and other pending work are not counted.
 */
export async function openDataDates(): Promise<OpenDataDates> {
  const [row] = await db().$queryRaw<DatesRow[]>`
    SELECT
      (SELECT min(m."createdAt") FROM "Municipality" m) AS "accessionsIssued",
      GREATEST(
        (SELECT max(m."updatedAt") FROM "Municipality" m),
        (SELECT max(e."at") FROM "AccessionEvent" e WHERE e."type" IN ('SUBMITTED', 'RETURNED', 'VERIFIED', 'WITHDRAWN')),
        (SELECT max(a."updatedAt") FROM "Accession" a WHERE a."status" IN (${accessionStatesSql('published')})),
        (SELECT max(t."openedAt") FROM "CouncilTerm" t)
      ) AS "accessionsModified",
      (SELECT to_char(min(t."startsOn"), 'YYYY-MM-DD') FROM "CouncilTerm" t WHERE t."openedAt" IS NOT NULL) AS "accessionsStart",
      (SELECT to_char(max(t."endsOn"), 'YYYY-MM-DD') FROM "CouncilTerm" t WHERE t."openedAt" IS NOT NULL) AS "accessionsEnd",
      p."issued" AS "progressIssued", p."modified" AS "progressModified", p."start" AS "progressStart", p."end" AS "progressEnd"
    FROM (
      SELECT min(r."acceptedAt") AS "issued", max(r."acceptedAt") AS "modified",
        to_char(min(rp."startsOn"), 'YYYY-MM-DD') AS "start", to_char(max(rp."endsOn"), 'YYYY-MM-DD') AS "end"
      FROM "ProgressReport" r JOIN "ReportingPeriod" rp ON rp."id" = r."periodId" JOIN "CouncilTerm" t ON t."id" = rp."termId"
      WHERE ${PUBLIC_REPORT}
    ) p`;
  const period = (start: string | null | undefined, end: string | null | undefined) => (start && end ? { start, end } : null);
  return {
    accessions: {
      issued: row?.accessionsIssued ?? null,
      modified: row?.accessionsModified ?? null,
      temporal: period(row?.accessionsStart, row?.accessionsEnd),
    },
    progress: { issued: row?.progressIssued ?? null, modified: row?.progressModified ?? null, temporal: period(row?.progressStart, row?.progressEnd) },
  };
}

type DatesRow = {
  accessionsIssued: Date | null;
  accessionsModified: Date | null;
  accessionsStart: string | null;
  accessionsEnd: string | null;
  progressIssued: Date | null;
  progressModified: Date | null;
  progressStart: string | null;
  progressEnd: string | null;
};

/** When the public data last changed (the later of the two datasets' dct:modified); null when there is no data. */
export async function openDataModified(): Promise<Date | null> {
  const { accessions, progress } = await openDataDates();
  const times = [accessions.modified, progress.modified].filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/**
 * A fingerprint of everything the municipality and accession lists are read
 * from (lib/db/row-version): the ETag of the streamed lists (ADR 0145); equal
 * only while the data is unchanged.
 */
export function openListsVersion(): Promise<string> {
  return rowsVersion([
    { table: 'Municipality' },
    { table: 'MunicipalityBoundary' },
    { table: 'Accession' },
    { table: 'Document', notNull: 'accessionId' },
    { table: 'CouncilTerm' },
  ]);
}
