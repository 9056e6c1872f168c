/**
 * POST /api/progress/[slug]/[year]  the old address by year alone (ADR 0215): opens the report of the one
 * period the year names for the municipality; 409 when the year is split between two terms (name the term:
 * /api/progress/[slug]/[term]/[year]). The segment is named `term` only because Next.js needs one name per level.
 */
import { ok, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { municipalityIdBySlug } from '@/lib/municipalities/queries';
import { zReportYear } from '@/lib/schemas/progress-actions';
import { openReportForEditing } from '@/lib/progress/reports';

export const POST = route<{ slug: string; term: string }>(async (_request, { params }) => {
  const actor = requirePermission(await getSessionUser(), 'progress.edit', { municipalityId: await municipalityIdBySlug(params.slug) });
  const report = await openReportForEditing({ actor, municipalitySlug: params.slug, year: zReportYear.parse(params.term) });
  return ok({ id: report.id, version: report.version, revision: report.revision, status: report.status });
});
