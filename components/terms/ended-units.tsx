import Link from 'next/link';
import { formatDate, type Locale, type Translate } from '@/lib/i18n';
import type { listEndedUnits } from '@/lib/terms/open';

type EndedUnit = Awaited<ReturnType<typeof listEndedUnits>>[number];

/** Municipalities that ended in the current term, their successor, and the secretaries still attached to them. */
export function EndedUnits({ ended, locale, t }: { ended: EndedUnit[]; locale: Locale; t: Translate }) {
  return (
    <section aria-labelledby="ended" className="space-y-3">
      <h2 id="ended" className="text-2xl font-semibold">
        {t('terms.endedHeading')}
      </h2>
      <ul className="list-inside list-disc space-y-2" data-testid="ended-units">
        {ended.map((e) => (
          <li key={e.slug} data-slug={e.slug}>
            <Link href={`/${locale}/municipalities/${e.slug}`}>{e.nameLv}</Link>
            {': '}
            {t('terms.endedItem', { name: e.nameLv, date: formatDate(locale, e.validTo), successor: e.successor?.nameLv ?? t('common.unknown') })}
            {e.secretaries.length > 0 ? (
              <span className="block">
                {t('terms.endedSecretaries', { emails: e.secretaries.map((s) => s.email).join(', ') })}{' '}
                <Link href={`/${locale}/staff/users`}>{t('staff.navUsers')}</Link>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
