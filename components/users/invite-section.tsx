import type { Locale, Translate } from '@/lib/i18n';
import { InviteForm } from '@/components/forms/invite-form';

/** Staff invite a secretary: e-mail, name, municipality and the language of the invitation. */
export function InviteSection({ municipalities, locale, t }: { municipalities: { slug: string; nameLv: string }[]; locale: Locale; t: Translate }) {
  return (
    <section aria-labelledby="invite" className="space-y-4">
      <h2 id="invite" className="text-2xl font-semibold">
        {t('users.inviteHeading')}
      </h2>
      <InviteForm
        locale={locale}
        municipalities={municipalities}
        labels={{
          email: t('invite.colEmail'),
          name: t('invite.name'),
          municipality: t('invite.municipality'),
          choose: t('invite.chooseMunicipality'),
          send: t('invite.send'),
          created: t('invite.created'),
        }}
        languages={{
          label: t('users.inviteLanguage'),
          hint: t('users.inviteLanguageHint'),
          options: { lv: t('users.languageLv'), en: t('users.languageEn') },
        }}
      />
    </section>
  );
}
