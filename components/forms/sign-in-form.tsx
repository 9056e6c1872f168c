'use client';
import { useRouter } from 'next/navigation';
import { Field, FormMessage, SubmitButton } from './field';
import { useApiForm } from './use-api-form';
import { safeRedirectPath } from '@/lib/http/safe-redirect';

type Labels = { email: string; password: string; submit: string };

export function SignInForm({ locale, labels, next }: { locale: string; labels: Labels; next: string | null }) {
  const router = useRouter();
  const { state, submit } = useApiForm<{ home: string }>({
    url: '/api/session',
    locale,
    onSuccess: (data) => {
      // Note: only a path of this portal (lib/http/safe-redirect.ts); anything else goes to the workspace.
      router.replace(safeRedirectPath(next, { origin: window.location.origin, fallback: data.home }));
      router.refresh();
    },
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4" aria-label={labels.submit}>
      <FormMessage message={state.message} />
      <Field name="email" type="email" autoComplete="username" label={labels.email} errors={state.fieldErrors.email} required />
      <Field name="password" type="password" autoComplete="current-password" label={labels.password} errors={state.fieldErrors.password} required />
      <SubmitButton pending={state.pending} label={labels.submit} />
    </form>
  );
}
