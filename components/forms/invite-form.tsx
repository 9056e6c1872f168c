'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field, FormMessage, SubmitButton } from './field';
import { useApiForm } from './use-api-form';
import { InvitationLinkNotice } from './inline-result';
import { SelectField } from './select-field';

type Labels = { email: string; name: string; municipality: string; choose: string; send: string; created: string };
/** The invitee's language select (left out: the invitation is in Latvian). */
type Languages = { label: string; hint?: string; options: { lv: string; en: string } };

export function InviteForm({
  locale,
  labels,
  municipalities,
  languages,
}: {
  locale: string;
  labels: Labels;
  municipalities: { slug: string; nameLv: string }[];
  languages?: Languages;
}) {
  const router = useRouter();
  const [link, setLink] = useState<string | null>(null);
  const { state, submit } = useApiForm<{ url: string }>({
    url: '/api/invitations',
    locale,
    onSuccess: (data) => {
      setLink(data.url);
      router.refresh();
    },
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
      <FormMessage message={state.message} />
      <Field name="email" type="email" label={labels.email} errors={state.fieldErrors.email} required />
      <Field name="name" type="text" label={labels.name} errors={state.fieldErrors.name} />
      <SelectField
        name="municipalitySlug"
        label={labels.municipality}
        errors={state.fieldErrors.municipalitySlug}
        defaultValue=""
        options={[{ value: '', label: labels.choose }, ...municipalities.map((m) => ({ value: m.slug, label: m.nameLv }))]}
      />
      {languages ? (
        <SelectField
          name="locale"
          label={languages.label}
          hint={languages.hint}
          errors={state.fieldErrors.locale}
          defaultValue="lv"
          options={[
            { value: 'lv', label: languages.options.lv },
            { value: 'en', label: languages.options.en },
          ]}
        />
      ) : null}
      <SubmitButton pending={state.pending} label={labels.send} />
      <InvitationLinkNotice lead={labels.created} link={link} />
    </form>
  );
}
