'use client';
import { useId, useState } from 'react';
import { FormMessage, SubmitButton } from '@/components/forms/field';
import { useApiForm } from '@/components/forms/use-api-form';
import type { TermOpening } from '@/lib/terms/open';

type Labels = { confirm: string; open: string; opened: string; renewHeading: string; renewNone: string; invited: string; reload: string };

/** Opens a council term after an explicit confirmation and lists who was invited to renew. */
export function OpenTermForm({ slug, locale, labels }: { slug: string; locale: string; labels: Labels }) {
  const id = useId();
  const [result, setResult] = useState<TermOpening | null>(null);
  const { state, submit } = useApiForm<TermOpening>({ url: `/api/staff/terms/${slug}/open`, locale, onSuccess: (data) => setResult(data) });
  const errors = state.fieldErrors.confirm;
  if (result) {
    return (
      <div role="status" className="space-y-3 rounded border border-ok bg-ok-bg p-4" data-testid="term-opened">
        <p className="font-semibold">{labels.opened}</p>
        <h3 className="font-semibold">{labels.renewHeading}</h3>
        {result.toRenew.length === 0 ? (
          <p>{labels.renewNone}</p>
        ) : (
          <ul className="list-inside list-disc">
            {result.toRenew.map((r) => (
              <li key={r.slug}>
                {r.nameLv} · {labels.invited.replace('{count}', String(r.invited))}
              </li>
            ))}
          </ul>
        )}
        {/* The result stays on screen (a refresh would remove this form with it); the link shows the updated page. */}
        <p>
          <a href="">{labels.reload}</a>
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-3" data-testid={`open-term-${slug}`}>
      <FormMessage message={state.message} />
      <div className="flex items-start gap-2">
        <input
          id={`${id}-confirm`}
          type="checkbox"
          name="confirm"
          className="mt-1 size-5"
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-confirm-error` : undefined}
        />
        <label htmlFor={`${id}-confirm`}>{labels.confirm}</label>
      </div>
      {errors?.length ? (
        <p id={`${id}-confirm-error`} className="text-sm font-medium text-bad">
          {errors.join(' ')}
        </p>
      ) : null}
      <SubmitButton pending={state.pending} label={labels.open} />
    </form>
  );
}
