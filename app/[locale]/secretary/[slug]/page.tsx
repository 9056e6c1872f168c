import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { pageLocale } from '@/lib/i18n/page';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { findMunicipalityPublic, findCurrentTerm } from '@/lib/municipalities/queries';
import { StatusBadge } from '@/components/status-badge';
import { SignOutButton } from '@/components/forms/sign-out-button';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await pageLocale(params);
  return { title: t('secretary.title'), robots: { index: false } };
}

export default async function SecretaryPage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, t } = await pageLocale(params);
  const { slug } = await params;
  const user = await requirePageUser(locale, `/${locale}/secretary/${slug}`);
  const municipality = await findMunicipalityPublic(slug);
  if (!municipality) notFound();
  requirePagePermission(user, 'secretary.view', { municipalityId: municipality.id });
  const term = await findCurrentTerm();
  const accession = municipality.accessions.find((a) => a.term.slug === term?.slug);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t('secretary.title')}: <span data-testid="secretary-municipality">{municipality.nameLv}</span></h1>
        <SignOutButton locale={locale} label={t('nav.signOut')} />
      </div>
      <p>{t('secretary.lead')}</p>
      {term ? (
        <p className="flex items-center gap-3">
          {t('secretary.currentStatus', { term: term.label })} <StatusBadge status={accession?.status ?? 'NONE'} t={t} />
        </p>
      ) : null}
    </div>
  );
}
