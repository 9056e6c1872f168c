'use client';
import { useState } from 'react';
import { Field, FormMessage, SubmitButton } from './field';
import { useApiForm } from './use-api-form';
import { NewPasswordFields, PasswordSetNotice } from './new-password-fields';

/** "Forgot password": one field; the answer never says whether the address is registered. */
export function ForgotPasswordForm({ locale, labels }: { locale: string; labels: { email: string; submit: string; sent: string } }) {
  const [sent, setSent] = useState(false);
  const { state, submit } = useApiForm({ url: '/api/password-reset', locale, onSuccess: () => setSent(true) });
  return (
    <form
      onSubmit={(e) => {
        setSent(false);
        void submit(e);
      }}
      noValidate
      className="space-y-4"
      data-testid="forgot-form"
    >
      <FormMessage message={state.message} />
      <Field name="email" type="email" autoComplete="email" label={labels.email} errors={state.fieldErrors.email} required />
      <SubmitButton pending={state.pending} label={labels.submit} />
      <div role="status" aria-live="polite">
        {sent ? <p className="rounded border border-ok bg-ok-bg p-3">{labels.sent}</p> : null}
      </div>
    </form>
  );
}

/** A new password through the e-mailed link. */
export function ResetPasswordForm({
  locale,
  token,
  labels,
}: {
  locale: string;
  token: string;
  labels: { password: string; passwordConfirm: string; hint: string; submit: string; done: string; signIn: string };
}) {
  const [done, setDone] = useState(false);
  const { state, submit } = useApiForm({ url: '/api/password-reset/confirm', locale, onSuccess: () => setDone(true) });
  if (done) {
    return <PasswordSetNotice text={labels.done} signIn={labels.signIn} locale={locale} />;
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4" data-testid="reset-form">
      <FormMessage message={state.message} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields labels={labels} errors={state.fieldErrors} />
      <SubmitButton pending={state.pending} label={labels.submit} />
    </form>
  );
}
