'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Field, FormMessage, SubmitButton } from './field';
import { useApiForm } from './use-api-form';
import { InvitationLinkNotice } from './inline-result';

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
  const muniErrors = state.fieldErrors.municipalitySlug;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
      <FormMessage message={state.message} />
      <Field name="email" type="email" label={labels.email} errors={state.fieldErrors.email} required />
      <Field name="name" type="text" label={labels.name} errors={state.fieldErrors.name} />
      <div className="space-y-1">
        <label htmlFor="f-municipalitySlug" className="block font-medium">
          {labels.municipality}
        </label>
        <select
          id="f-municipalitySlug"
          name="municipalitySlug"
          defaultValue=""
          aria-invalid={muniErrors?.length ? true : undefined}
          aria-describedby={muniErrors?.length ? 'f-municipalitySlug-error' : undefined}
          className="w-full max-w-md rounded border border-gray-500 px-3 py-2"
        >
          <option value="">{labels.choose}</option>
          {municipalities.map((m) => (
            <option key={m.slug} value={m.slug}>
              {m.nameLv}
            </option>
          ))}
        </select>
        {muniErrors?.length ? (
          <p id="f-municipalitySlug-error" className="text-sm font-medium text-bad">
            {muniErrors.join(' ')}
          </p>
        ) : null}
      </div>
      {languages ? (
        <div className="space-y-1">
          <label htmlFor="f-locale" className="block font-medium">
            {languages.label}
          </label>
          {languages.hint ? (
            <p id="f-locale-hint" className="text-sm text-muted">
              {languages.hint}
            </p>
          ) : null}
          <select
            id="f-locale"
            name="locale"
            defaultValue="lv"
            aria-invalid={state.fieldErrors.locale?.length ? true : undefined}
            aria-describedby={
              [languages.hint ? 'f-locale-hint' : null, state.fieldErrors.locale?.length ? 'f-locale-error' : null].filter(Boolean).join(' ') || undefined
            }
            className="w-full max-w-md rounded border border-gray-500 px-3 py-2"
          >
            <option value="lv">{languages.options.lv}</option>
            <option value="en">{languages.options.en}</option>
          </select>
          {state.fieldErrors.locale?.length ? (
            <p id="f-locale-error" className="text-sm font-medium text-bad">
              {state.fieldErrors.locale.join(' ')}
            </p>
          ) : null}
        </div>
      ) : null}
      <SubmitButton pending={state.pending} label={labels.send} />
      <InvitationLinkNotice lead={labels.created} link={link} />
    </form>
  );
}
