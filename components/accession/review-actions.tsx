import type { Locale, Translate } from '@/lib/i18n';
import { ActionForm } from '@/components/forms/action-form';
import { confirmTexts } from '@/components/forms/workflow-texts';
import { Section } from '@/components/ui/section';

/** Staff verify a submitted decision (after a confirmation step) or return it with a reason. */
export function VerifyOrReturn({ id, version, locale, t }: { id: string; version: number; locale: Locale; t: Translate }) {
  return (
    <Section id="decide" heading={t('accession.verify')} className="grid gap-8 md:grid-cols-2" headingClassName="sr-only">
      <ActionForm
        url={`/api/staff/accessions/${id}/verify`}
        locale={locale}
        version={version}
        submitLabel={t('accession.verify')}
        successText={t('accession.verified')}
        testId="verify-form"
        variant="publish"
        confirm={confirmTexts(t, 'verify')}
      />
      <ActionForm
        url={`/api/staff/accessions/${id}/return`}
        locale={locale}
        version={version}
        reasonLabel={t('accession.returnLabel')}
        submitLabel={t('accession.returnAction')}
        successText={t('accession.returned')}
        testId="return-form"
        variant="secondary"
      />
    </Section>
  );
}

/** Staff withdraw a verified membership, with a reason, after a confirmation step. */
export function Withdraw({ id, version, locale, t }: { id: string; version: number; locale: Locale; t: Translate }) {
  return (
    <section aria-labelledby="withdraw">
      <h2 id="withdraw" className="mb-2 text-2xl font-semibold">
        {t('accession.withdrawAction')}
      </h2>
      <ActionForm
        url={`/api/staff/accessions/${id}/withdraw`}
        locale={locale}
        version={version}
        reasonLabel={t('accession.withdrawLabel')}
        submitLabel={t('accession.withdrawAction')}
        successText={t('accession.withdrawn')}
        testId="withdraw-form"
        confirm={confirmTexts(t, 'withdraw')}
      />
    </section>
  );
}
