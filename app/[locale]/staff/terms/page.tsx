import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { listTermsForStaff, listEndedUnits } from '@/lib/terms/open';
import { StaffNav } from '@/components/staff-nav';
import { OpenTermForm } from '@/components/terms/open-term-form';
import { TermsTable } from '@/components/terms/terms-table';
import { EndedUnits } from '@/components/terms/ended-units';

export const dynamic = 'force-dynamic';

export const generateMetadata = privatePageMetadata('terms.title');

export default async function TermsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  const user = await requirePageUser(locale, `/${locale}/staff/terms`);
  requirePagePermission(user, 'term.manage');
  const terms = await listTermsForStaff({ actor: user });
  const current = terms.find((x) => x.isCurrent);
  const next = terms.find((x) => x.canOpen);
  const ended = current ? await listEndedUnits({ actor: user, termSlug: current.slug }) : [];
  return (
    <div className="space-y-8">
      <StaffNav locale={locale} user={user} current="terms" t={t} />
      <h1 className="text-3xl font-bold">{t('terms.title')}</h1>
      <p className="max-w-3xl">{t('terms.lead')}</p>
      <TermsTable terms={terms} locale={locale} t={t} />
      {next ? (
        <section aria-labelledby="open-term" className="max-w-3xl space-y-3 rounded border border-gray-300 p-4">
          <h2 id="open-term" className="text-2xl font-semibold">
            {t('terms.openHeading', { term: next.label })}
          </h2>
          <p>{t('terms.openExplain', { term: next.label })}</p>
          <OpenTermForm
            slug={next.slug}
            locale={locale}
            labels={{
              confirm: t('terms.confirm', { term: next.label }),
              open: t('terms.open'),
              opened: t('terms.openedResult', { term: next.label }),
              renewHeading: t('terms.renewHeading'),
              renewNone: t('terms.renewNone'),
              invited: t('terms.invitedCount'),
              reload: t('terms.reload'),
            }}
          />
        </section>
      ) : null}
      {ended.length > 0 ? <EndedUnits ended={ended} locale={locale} t={t} /> : null}
    </div>
  );
}
