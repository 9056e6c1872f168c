import { notFound, redirect } from 'next/navigation';
import Link from 'next/link';
import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { findMunicipalityPublic } from '@/lib/municipalities/queries';
import { findPeriodsOfYear } from '@/lib/progress/reports';
import { reportLabel, reportPath } from '@/lib/progress/period-label';
import { zReportYear } from '@/lib/schemas/progress-actions';

export const dynamic = 'force-dynamic';
export const generateMetadata = privatePageMetadata('progress.reportsHeading');

/**
 * The old address by year alone, /lv/secretary/liepaja/reports/2025 (ADR 0215; the segment is named `term`
 * because Next.js needs one name per level): redirects to the one period the year names, or lets the
 * person choose when the year is split between two council terms.
 */
export default async function ReportYearPage({ params }: { params: Promise<{ locale: string; slug: string; term: string }> }) {
  const { locale, t } = await pageLocale(params);
  const { slug, term: rawYear } = await params;
  const parsed = zReportYear.safeParse(rawYear);
  if (!parsed.success) notFound();
  const year = parsed.data;
  const user = await requirePageUser(locale, `/${locale}/secretary/${slug}/reports/${year}`);
  const municipality = await findMunicipalityPublic(slug);
  if (!municipality) notFound();
  requirePagePermission(user, 'progress.view-draft', { municipalityId: municipality.id });
  const periods = await findPeriodsOfYear({ actor: user, municipalitySlug: slug, year });
  if (periods.length === 0) notFound();
  if (periods.length === 1) redirect(reportPath(locale, slug, periods[0]!));
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/${locale}/secretary/${slug}`}>← {municipality.nameLv}</Link>
      </p>
      <h1 className="text-3xl font-bold">{t('reports.chooseHeading', { year })}</h1>
      <p>{t('reports.chooseIntro')}</p>
      <ul className="list-disc space-y-1 pl-6" data-testid="year-periods">
        {periods.map((p) => (
          <li key={p.termSlug}>
            <Link href={reportPath(locale, slug, p)}>{reportLabel(locale, t, p)}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
