'use client';
import { useId } from 'react';
import { useDoneForm } from '@/components/forms/use-done-form';
import { InlineAlert, InlineDone } from '@/components/forms/inline-result';

export type MoveLabels = { label: string; choose: string; submit: string; moved: string };

/** Binds a secretary to another municipality (select + button). */
export function MoveSecretaryForm({
  locale,
  userId,
  email,
  version,
  currentSlug,
  municipalities,
  labels,
}: {
  locale: string;
  userId: string;
  email: string;
  version: number;
  currentSlug: string | null;
  municipalities: { slug: string; nameLv: string }[];
  labels: MoveLabels;
}) {
  const id = useId();
  const { state, done, onSubmit } = useDoneForm({ url: `/api/users/${encodeURIComponent(userId)}/move`, locale });
  const errors = state.fieldErrors.municipalitySlug;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-1" data-testid="user-move">
      <input type="hidden" name="version" value={version} />
      <label htmlFor={`${id}-m`} className="block text-sm font-medium">
        {labels.label}
        <span className="sr-only">: {email}</span>
      </label>
      <div className="flex flex-wrap gap-2">
        <select
          id={`${id}-m`}
          name="municipalitySlug"
          defaultValue=""
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-e` : undefined}
          className="max-w-xs rounded border border-gray-500 px-2 py-1"
        >
          <option value="">{labels.choose}</option>
          {municipalities
            .filter((m) => m.slug !== currentSlug)
            .map((m) => (
              <option key={m.slug} value={m.slug}>
                {m.nameLv}
              </option>
            ))}
        </select>
        <button
          type="submit"
          disabled={state.pending}
          aria-disabled={state.pending}
          className="rounded border border-brand px-3 py-1 font-semibold text-brand hover:bg-brand hover:text-white disabled:opacity-70"
        >
          {labels.submit}
          <span className="sr-only">: {email}</span>
        </button>
      </div>
      {errors?.length ? (
        <p id={`${id}-e`} className="text-sm font-medium text-bad">
          {errors.join(' ')}
        </p>
      ) : null}
      <InlineAlert message={errors?.length ? null : state.message} />
      <InlineDone text={done && labels.moved} />
    </form>
  );
}
