import type { Locale, Translate } from '@/lib/i18n';
import { InviteForm } from '@/components/forms/invite-form';
import { Section } from '@/components/ui/section';

/** Staff invite a secretary: e-mail, name, municipality and the language of the invitation. */
export function InviteSection({ municipalities, locale, t }: { municipalities: { slug: string; nameLv: string }[]; locale: Locale; t: Translate }) {
  return (
    <Section id="invite" heading={t('users.inviteHeading')} className="space-y-4">
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
    </Section>
  );
}
