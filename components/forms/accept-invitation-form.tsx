'use client';
import { useState } from 'react';
import { Field, FormMessage, SubmitButton } from './field';
import { useApiForm } from './use-api-form';
import { NewPasswordFields, PasswordSetNotice } from './new-password-fields';

type Labels = { name: string; password: string; passwordConfirm: string; passwordHint: string; accept: string; accepted: string; signIn: string };

export function AcceptInvitationForm({ locale, token, defaultName, labels }: { locale: string; token: string; defaultName: string | null; labels: Labels }) {
  const [done, setDone] = useState(false);
  const { state, submit } = useApiForm({ url: '/api/invitations/accept', locale, onSuccess: () => setDone(true) });
  if (done) {
    return <PasswordSetNotice text={labels.accepted} signIn={labels.signIn} locale={locale} />;
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
      <FormMessage message={state.message} />
      <input type="hidden" name="token" value={token} />
      <Field name="name" type="text" autoComplete="name" label={labels.name} defaultValue={defaultName ?? ''} errors={state.fieldErrors.name} required />
      <NewPasswordFields
        labels={{ password: labels.password, hint: labels.passwordHint, passwordConfirm: labels.passwordConfirm }}
        errors={state.fieldErrors}
      />
      <SubmitButton pending={state.pending} label={labels.accept} />
    </form>
  );
}
