'use client';
import { Field, FormMessage, SubmitButton } from '@/components/forms/field';
import { useDoneForm } from '@/components/forms/use-done-form';

export type DecisionValues = {
  councilBody: string;
  sessionDate: string;
  sessionType: 'REGULAR' | 'EXTRAORDINARY' | '';
  decisionNumber: string;
  agendaItem: string;
  signatoryName: string;
  signatoryRole: string;
};
type Labels = Record<
  | 'councilBody'
  | 'councilBodyHint'
  | 'sessionDate'
  | 'sessionDateHint'
  | 'sessionType'
  | 'regular'
  | 'extraordinary'
  | 'decisionNumber'
  | 'decisionNumberHint'
  | 'agendaItem'
  | 'signatoryName'
  | 'signatoryRole'
  | 'signatoryRoleHint'
  | 'save'
  | 'saved'
  | 'required',
  string
>;

/** The council decision form; the same zod schema checks it on the server (lib/schemas/accession). */
export function DecisionForm({ slug, locale, values, labels, today }: { slug: string; locale: string; values: DecisionValues; labels: Labels; today: string }) {
  const { state, done: saved, onSubmit } = useDoneForm({ url: `/api/accessions/${slug}`, method: 'PUT', locale });
  const fe = state.fieldErrors;
  // Required fields say so in their label (issue 13); the date is a text field showing the format it takes.
  const req = (label: string) => `${label} ${labels.required}`;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="decision-form">
      <FormMessage message={state.message} />
      <Field
        name="councilBody"
        label={req(labels.councilBody)}
        hint={labels.councilBodyHint}
        defaultValue={values.councilBody}
        errors={fe.councilBody}
        maxLength={200}
        required
      />
      <Field
        name="sessionDate"
        type="text"
        label={req(labels.sessionDate)}
        hint={labels.sessionDateHint}
        defaultValue={values.sessionDate}
        data-max={today}
        maxLength={20}
        autoComplete="off"
        errors={fe.sessionDate}
        required
      />
      <fieldset className="space-y-1">
        <legend className="font-medium">{req(labels.sessionType)}</legend>
        {(['REGULAR', 'EXTRAORDINARY'] as const).map((v) => (
          <label key={v} className="mr-6 inline-flex items-center gap-2">
            <input
              type="radio"
              name="sessionType"
              value={v}
              defaultChecked={values.sessionType === v}
              aria-describedby={fe.sessionType?.length ? 'f-sessionType-error' : undefined}
            />
            {v === 'REGULAR' ? labels.regular : labels.extraordinary}
          </label>
        ))}
        {fe.sessionType?.length ? (
          <p id="f-sessionType-error" className="text-sm font-medium text-bad">
            {fe.sessionType[0]}
          </p>
        ) : null}
      </fieldset>
      <Field
        name="decisionNumber"
        label={req(labels.decisionNumber)}
        hint={labels.decisionNumberHint}
        defaultValue={values.decisionNumber}
        errors={fe.decisionNumber}
        maxLength={100}
        required
      />
      <Field name="agendaItem" label={labels.agendaItem} defaultValue={values.agendaItem} errors={fe.agendaItem} maxLength={500} />
      <Field
        name="signatoryName"
        label={req(labels.signatoryName)}
        defaultValue={values.signatoryName}
        errors={fe.signatoryName}
        maxLength={120}
        autoComplete="off"
        required
      />
      <Field
        name="signatoryRole"
        label={req(labels.signatoryRole)}
        hint={labels.signatoryRoleHint}
        defaultValue={values.signatoryRole}
        errors={fe.signatoryRole}
        maxLength={200}
        required
      />
      <SubmitButton pending={state.pending} label={labels.save} />
      <div role="status" aria-live="polite">
        {saved ? <p className="text-ok">{labels.saved}</p> : null}
      </div>
    </form>
  );
}
