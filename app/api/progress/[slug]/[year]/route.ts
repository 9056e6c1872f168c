/** POST /api/progress/[slug]/[year]  the secretary opens (or starts) the municipality's report for a year */
import { ok, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { municipalityIdBySlug } from '@/lib/municipalities/queries';
import { zReportYear } from '@/lib/schemas/progress-actions';
import { openReportForEditing } from '@/lib/progress/reports';

export const POST = route<{ slug: string; year: string }>(async (_request, { params }) => {
  const actor = requirePermission(await getSessionUser(), 'progress.edit', { municipalityId: await municipalityIdBySlug(params.slug) });
  const report = await openReportForEditing({ actor, municipalitySlug: params.slug, year: zReportYear.parse(params.year) });
  return ok({ id: report.id, version: report.version, revision: report.revision, status: report.status });
});
