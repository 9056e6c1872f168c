'use client';
import { Field, FormMessage, SubmitButton } from './field';
import { useDoneForm } from './use-done-form';

export type SimpleField = { name: string; label: string; type?: 'text' | 'number' | 'date' | 'url'; hint?: string; defaultValue?: string };

/** A small form of labelled inputs posted as JSON to a route handler, with translated field errors. */
export function SimpleForm({
  url,
  method,
  locale,
  fields,
  submitLabel,
  successText,
  testId,
}: {
  url: string;
  method?: string;
  locale: string;
  fields: SimpleField[];
  submitLabel: string;
  successText: string;
  testId?: string;
}) {
  const { state, done, onSubmit } = useDoneForm({ url, method, locale });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" data-testid={testId}>
      <FormMessage message={state.message} />
      {fields.map((f) => (
        <Field
          key={f.name}
          name={f.name}
          type={f.type ?? 'text'}
          label={f.label}
          hint={f.hint}
          defaultValue={f.defaultValue}
          errors={state.fieldErrors[f.name]}
          step={f.type === 'number' ? 'any' : undefined}
        />
      ))}
      <SubmitButton pending={state.pending} label={submitLabel} />
      <div role="status" aria-live="polite">
        {done ? <p className="text-ok">{successText}</p> : null}
      </div>
    </form>
  );
}
