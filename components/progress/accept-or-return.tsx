import type { Locale, Translate } from '@/lib/i18n';
import { ActionForm } from '@/components/forms/action-form';
import { confirmTexts } from '@/components/forms/workflow-texts';

/** Staff accept a submitted report (after a confirmation step) or return it with a comment. */
export function AcceptOrReturn({ id, version, locale, t }: { id: string; version: number; locale: Locale; t: Translate }) {
  return (
    <div className="grid gap-8 md:grid-cols-2">
      <ActionForm
        url={`/api/staff/progress/${id}/accept`}
        locale={locale}
        version={version}
        submitLabel={t('progress.accept')}
        successText={t('progress.accepted')}
        testId="accept-report-form"
        variant="publish"
        confirm={confirmTexts(t, 'accept')}
      />
      <ActionForm
        url={`/api/staff/progress/${id}/return`}
        locale={locale}
        version={version}
        reasonLabel={t('progress.returnLabel')}
        submitLabel={t('progress.returnAction')}
        successText={t('progress.returned')}
        testId="return-report-form"
        variant="secondary"
      />
    </div>
  );
}
