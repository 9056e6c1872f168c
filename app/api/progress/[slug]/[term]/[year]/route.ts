/** POST /api/progress/[slug]/[term]/[year]  the secretary opens (or starts) the municipality's report for one period (ADR 0215) */
import { ok, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { municipalityIdBySlug } from '@/lib/municipalities/queries';
import { zReportYear } from '@/lib/schemas/progress-actions';
import { zTermSlug } from '@/lib/schemas/opendata';
import { openReportForEditing } from '@/lib/progress/reports';

export const POST = route<{ slug: string; term: string; year: string }>(async (_request, { params }) => {
  const actor = requirePermission(await getSessionUser(), 'progress.edit', { municipalityId: await municipalityIdBySlug(params.slug) });
  const report = await openReportForEditing({
    actor,
    municipalitySlug: params.slug,
    termSlug: zTermSlug.parse(params.term),
    year: zReportYear.parse(params.year),
  });
  return ok({ id: report.id, version: report.version, revision: report.revision, status: report.status });
});
