'use client';
import Link from 'next/link';
import { Field } from './field';

/** The new password and its repetition (one rule on the server: lib/schemas/auth `zPasswordPair`). */
export function NewPasswordFields({
  labels,
  errors,
}: {
  labels: { password: string; hint: string; passwordConfirm: string };
  errors: Record<string, string[] | undefined>;
}) {
  return (
    <>
      <Field name="password" type="password" autoComplete="new-password" label={labels.password} hint={labels.hint} errors={errors.password} required />
      <Field name="passwordConfirm" type="password" autoComplete="new-password" label={labels.passwordConfirm} errors={errors.passwordConfirm} required />
    </>
  );
}

/** What a form with a new password shows once it is set: the result and the way to sign in. */
export function PasswordSetNotice({ text, signIn, locale }: { text: string; signIn: string; locale: string }) {
  return (
    <div role="status" className="space-y-2 rounded border border-ok bg-ok-bg p-4">
      <p>{text}</p>
      <p>
        <Link href={`/${locale}/signin`}>{signIn}</Link>
      </p>
    </div>
  );
}
