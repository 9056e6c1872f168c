import type { Locale, Translate } from '@/lib/i18n';
import { findSubmissionMailMode } from '@/lib/mail/staff';
import { SubmissionMailForm } from '@/components/forms/submission-mail-form';

/** The staff member's own choice of submission e-mails, folded away under the dashboard's lead. */
export async function MailPreference({ userId, locale, t }: { userId: string; locale: Locale; t: Translate }) {
  return (
    <details className="max-w-3xl rounded border border-gray-300 p-3">
      <summary className="cursor-pointer font-semibold">{t('secretaryYear.notifyHeading')}</summary>
      <div className="mt-3">
        <SubmissionMailForm
          locale={locale}
          current={await findSubmissionMailMode(userId)}
          labels={{
            lead: t('secretaryYear.notifyLead'),
            notify_EVENT: t('secretaryYear.notify_EVENT'),
            notify_DIGEST: t('secretaryYear.notify_DIGEST'),
            notify_NONE: t('secretaryYear.notify_NONE'),
            save: t('secretaryYear.notifySave'),
            saved: t('secretaryYear.notifySaved'),
          }}
        />
      </div>
    </details>
  );
}
