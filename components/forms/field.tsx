'use client';
import type { InputHTMLAttributes, ReactNode } from 'react';

/** A labelled input with its error messages tied to it (aria-invalid, aria-describedby). */
export function Field({
  name,
  label,
  hint,
  errors,
  ...input
}: { name: string; label: string; hint?: string; errors?: string[] } & InputHTMLAttributes<HTMLInputElement>) {
  const id = `f-${name}`;
  return (
    // One clear error per field: the first (issue 13).
    <FieldFrame id={id} label={label} hint={hint} error={errors?.[0]}>
      <input
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, hint, errors)}
        className="w-full max-w-md rounded border border-gray-500 px-3 py-2 aria-[invalid=true]:border-bad"
        {...input}
      />
    </FieldFrame>
  );
}

/** The ids a control's `aria-describedby` names: its hint and its error, when there are any. */
export function describedBy(id: string, hint: string | undefined, errors: string[] | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** A form control's label, hint and error around it (ids `${id}-hint`, `${id}-error`, which `describedBy` names). */
export function FieldFrame({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-bad">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The form-level message, announced to screen readers. */
export function FormMessage({ message }: { message: string | null }) {
  return (
    <div role="alert" aria-live="assertive" className={message ? 'rounded border border-bad bg-bad-bg p-3 text-bad' : ''}>
      {message}
    </div>
  );
}

export function SubmitButton({ pending, label }: { pending: boolean; label: string }) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70"
    >
      {label}
    </button>
  );
}
