'use client';
import { useState } from 'react';
import { FormMessage, SubmitButton } from './field';
import { useApiForm } from './use-api-form';

const MODES = ['EVENT', 'DIGEST', 'NONE'] as const;

/** A staff user's choice of e-mail about new submissions (each time, a daily digest, none). */
export function SubmissionMailForm({ locale, current, labels }: { locale: string; current: (typeof MODES)[number]; labels: Record<string, string> }) {
  const [saved, setSaved] = useState(false);
  const { state, submit } = useApiForm({ url: '/api/account/submission-mail', method: 'PUT', locale, onSuccess: () => setSaved(true) });
  return (
    <form
      onSubmit={(e) => {
        setSaved(false);
        void submit(e);
      }}
      noValidate
      className="space-y-3"
      data-testid="submission-mail-form"
    >
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
