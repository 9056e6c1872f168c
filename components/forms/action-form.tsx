'use client';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { FormMessage, SubmitButton } from './field';
import { useApiForm } from './use-api-form';
import { buttonClass, ConfirmStep, type ButtonVariant, type ConfirmTexts } from './confirm-step';

/**
 * A one-button workflow action (submit, verify, return, withdraw) with the
 * accession version it was shown at, and an optional reason text (always
 * required where asked: its label says so, QA s13). A final
 * action passes `confirm`: its button then opens a second step naming the
 * consequence, whose own button submits (components/forms/confirm-step).
 */
export function ActionForm({
  url,
  locale,
  version,
  submitLabel,
  successText,
  reasonLabel,
  testId,
  confirm,
  variant,
}: {
  url: string;
  locale: string;
  version: number;
  submitLabel: string;
  successText: string;
  reasonLabel?: string;
  testId?: string;
  confirm?: ConfirmTexts;
  variant?: ButtonVariant;
}) {
  const router = useRouter();
  const id = useId();
  const [done, setDone] = useState(false);
  const { state, submit } = useApiForm({
    url,
    locale,
    onSuccess: () => {
      setDone(true);
      router.refresh();
    },
  });
  const errors = state.fieldErrors.reason;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-2" data-testid={testId}>
      <input type="hidden" name="version" value={version} />
      {reasonLabel ? (
        <div className="space-y-1">
          <label htmlFor={`${id}-reason`} className="block font-medium">
            {reasonLabel}
          </label>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={3}
            maxLength={2000}
            aria-required
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={errors?.length ? `${id}-reason-error` : undefined}
            className="w-full max-w-xl rounded border border-gray-500 px-3 py-2"
          />
          {errors?.length ? (
            <p id={`${id}-reason-error`} className="text-sm font-medium text-bad">
              {errors.join(' ')}
            </p>
          ) : null}
        </div>
      ) : null}
      <FormMessage message={state.message} />
      {confirm ? (
        <ConfirmStep triggerLabel={submitLabel} texts={confirm} variant={variant ?? 'primary'} confirmType="submit" pending={state.pending} testId={testId} />
      ) : variant ? (
        <button type="submit" disabled={state.pending} aria-disabled={state.pending} className={buttonClass(variant)}>
          {submitLabel}
        </button>
      ) : (
        <SubmitButton pending={state.pending} label={submitLabel} />
      )}
      {done ? (
        <p role="status" className="text-ok">
          {successText}
        </p>
      ) : null}
    </form>
  );
}
