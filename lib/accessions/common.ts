import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { findCurrentTerm } from '@/lib/municipalities/queries';
import { accessionIs } from '@/lib/authz/workflow';

/** Whether the secretary may still change an accession in this state (the workflow table's `editable` set). */
export const isEditable = (status: string) => accessionIs('editable', status);

/** The municipality an accession route names; an unknown slug is a 404. */
export async function municipalityBySlug(slug: string) {
  const m = await db().municipality.findUnique({ where: { slug }, select: { id: true, slug: true, nameLv: true, officialNameLv: true } });
  if (!m) throw new AppError('NOT_FOUND');
  return m;
}

/** The current council term; without one nothing can be recorded (409). */
export async function requireCurrentTerm() {
  const term = await findCurrentTerm();
  if (!term) throw new AppError('CONFLICT', 'accession.noCurrentTerm');
  return term;
}
