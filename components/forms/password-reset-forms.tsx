'use client';
import { useState } from 'react';
import Link from 'next/link';
import { Field, FormMessage, SubmitButton } from './field';
import { useApiForm } from './use-api-form';

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
    return (
      <div role="status" className="space-y-2 rounded border border-ok bg-ok-bg p-4">
        <p>{labels.done}</p>
        <p>
          <Link href={`/${locale}/signin`}>{labels.signIn}</Link>
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4" data-testid="reset-form">
      <FormMessage message={state.message} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="password"
        type="password"
        autoComplete="new-password"
        label={labels.password}
        hint={labels.hint}
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
      <SubmitButton pending={state.pending} label={labels.submit} />
    </form>
  );
}
