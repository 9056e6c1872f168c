import { Prisma } from '@/lib/generated/prisma/client';
import { db } from './client';

/** A table a fingerprint can be taken of, and optionally only its rows where `notNull` is set. */
export type VersionSource = { table: 'Municipality' | 'MunicipalityBoundary' | 'Accession' | 'Document' | 'CouncilTerm'; notNull?: 'accessionId' };

/**
 * A fingerprint of the rows of `sources`, in one cheap query (no row is
 * serialised): per table the row count and the newest row version (`xmin`,
 * the id of the transaction that wrote the row), joined by `|`. Any insert,
 * update or delete, whether through Prisma or plain SQL, changes it: an update
 * or insert writes a new, later `xmin`, a delete changes the count. Equal only
 * while the rows are unchanged (ADR 0145).
 */
export async function rowsVersion(sources: readonly VersionSource[]): Promise<string> {
  // Note: identifiers come from the closed VersionSource type, never from input.
  const parts = sources.map(({ table, notNull }) =>
    Prisma.raw(`(SELECT count(*) || ':' || COALESCE(max(x."xmin"::text::bigint), 0) FROM "${table}" x${notNull ? ` WHERE x."${notNull}" IS NOT NULL` : ''})`),
  );
  const [row] = await db().$queryRaw<{ version: string }[]>`SELECT concat_ws('|', ${Prisma.join(parts)}) AS "version"`;
  return row?.version ?? '';
}
