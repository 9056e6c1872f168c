'use client';
import { FormMessage, SubmitButton } from './field';
import { useDoneForm } from './use-done-form';

const MODES = ['EVENT', 'DIGEST', 'NONE'] as const;

/** A staff user's choice of e-mail about new submissions (each time, a daily digest, none). */
export function SubmissionMailForm({ locale, current, labels }: { locale: string; current: (typeof MODES)[number]; labels: Record<string, string> }) {
  const { state, done: saved, onSubmit } = useDoneForm({ url: '/api/account/submission-mail', method: 'PUT', locale, refresh: false });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid="submission-mail-form">
      <FormMessage message={state.message} />
      <fieldset className="space-y-1">
        <legend className="font-medium">{labels.lead}</legend>
        {MODES.map((m) => (
          <label key={m} className="flex items-center gap-2">
            <input type="radio" name="mode" value={m} defaultChecked={m === current} />
            {labels[`notify_${m}`]}
          </label>
        ))}
      </fieldset>
      <SubmitButton pending={state.pending} label={labels.save!} />
      <div role="status" aria-live="polite">
        {saved ? <p className="text-ok">{labels.saved}</p> : null}
      </div>
    </form>
  );
}
