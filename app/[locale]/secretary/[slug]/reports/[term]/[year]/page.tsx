import { notFound } from 'next/navigation';
import Link from 'next/link';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { findMunicipalityPublic } from '@/lib/municipalities/queries';
import { findLatestReport } from '@/lib/progress/reports';
import { reportPath, reportTitle } from '@/lib/progress/period-label';
import { COMMITMENT_KEYS } from '@/lib/progress/indicators';
import { commitmentTitles, findMemorandum } from '@/lib/memorandum/queries';
import { zReportYear } from '@/lib/schemas/progress-actions';
import { zTermSlug } from '@/lib/schemas/opendata';
import { AppError } from '@/lib/errors';
import { can } from '@/lib/authz';
import { ReportWorkspace } from '@/components/progress/report-workspace';

export const dynamic = 'force-dynamic';
export const generateMetadata = privatePageMetadata('progress.reportsHeading');

/** One report, addressed by its council term and year (ADR 0215): /lv/secretary/liepaja/reports/2021-2025/2025. */
export default async function ReportPage({ params }: { params: Promise<{ locale: string; slug: string; term: string; year: string }> }) {
  const { locale, t } = await pageLocale(params);
  const { slug, term: rawTerm, year: rawYear } = await params;
  const termSlug = zTermSlug.safeParse(rawTerm);
  const year = zReportYear.safeParse(rawYear);
  if (!termSlug.success || !year.success) notFound();
  const user = await requirePageUser(locale, reportPath(locale, slug, { termSlug: termSlug.data, year: year.data }));
  const municipality = await findMunicipalityPublic(slug);
  if (!municipality) notFound();
  requirePagePermission(user, 'progress.view-draft', { municipalityId: municipality.id });
  const found = await findLatestReport({ actor: user, municipalitySlug: slug, termSlug: termSlug.data, year: year.data }).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const known = commitmentTitles(await findMemorandum(), locale);
  const titles = Object.fromEntries(COMMITMENT_KEYS.map((k) => [k, known[k] ?? k])) as Record<(typeof COMMITMENT_KEYS)[number], string>;
  const mayEdit = can(user, 'progress.edit', { municipalityId: municipality.id });
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/${locale}/secretary/${slug}`}>← {municipality.nameLv}</Link>
      </p>
      <h1 className="text-3xl font-bold">{reportTitle(locale, t, municipality.nameLv, found.state.period)}</h1>
      <ReportWorkspace found={found} slug={slug} mayEdit={mayEdit} titles={titles} locale={locale} t={t} />
    </div>
  );
}
