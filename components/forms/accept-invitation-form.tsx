'use client';
import { useState } from 'react';
import Link from 'next/link';
import { Field, FormMessage, SubmitButton } from './field';
import { useApiForm } from './use-api-form';

type Labels = { name: string; password: string; passwordConfirm: string; passwordHint: string; accept: string; accepted: string; signIn: string };

export function AcceptInvitationForm({ locale, token, defaultName, labels }: { locale: string; token: string; defaultName: string | null; labels: Labels }) {
  const [done, setDone] = useState(false);
  const { state, submit } = useApiForm({ url: '/api/invitations/accept', locale, onSuccess: () => setDone(true) });
  if (done) {
    return (
      <div role="status" className="space-y-2 rounded border border-ok bg-ok-bg p-4">
        <p>{labels.accepted}</p>
        <p>
          <Link href={`/${locale}/signin`}>{labels.signIn}</Link>
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4">
      <FormMessage message={state.message} />
      <input type="hidden" name="token" value={token} />
      <Field name="name" type="text" autoComplete="name" label={labels.name} defaultValue={defaultName ?? ''} errors={state.fieldErrors.name} required />
      <Field
        name="password"
        type="password"
        autoComplete="new-password"
        label={labels.password}
        hint={labels.passwordHint}
        errors={state.fieldErrors.password}
        required
      />
      <Field
        name="passwordConfirm"
        type="password"
        autoComplete="new-password"
        label={labels.passwordConfirm}
        errors={state.fieldErrors.passwordConfirm}
        required
      />
      <SubmitButton pending={state.pending} label={labels.accept} />
    </form>
  );
}
