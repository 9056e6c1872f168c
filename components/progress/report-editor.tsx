'use client';
import { ConfirmStep } from '@/components/forms/confirm-step';
import { useReportAutosave } from './use-report-autosave';
import { ErrorSummary } from './editor-error-summary';
import { CommitmentFields } from './editor-commitment';
import { COMMITMENT_ORDER, type CommitmentKey, type EditorFieldsContext, type EditorIndicator, type EditorLabels, type EditorState } from './editor-types';

export type { EditorAction, EditorIndicator, EditorSection, EditorState } from './editor-types';

/**
 * The report editor. Every change is saved as typed (debounced PUT of the
 * whole state at its version), also when some field is invalid: the server
 * keeps the typed draft and answers with the errors per field, shown next to
 * each field and in a summary at the top linking to it (GOV.UK error
 * summary). Numbers are read by the one parser of lib/schemas/number.ts and
 * shown back in the locale's format when the field is left. Leaving the page
 * with changes not yet saved asks first (beforeunload); a pagehide flushes.
 */
export function ReportEditor({
  reportId,
  locale,
  initialVersion,
  initial,
  initialErrors,
  indicators,
  commitmentTitles,
  labels,
}: {
  reportId: string;
  locale: string;
  initialVersion: number;
  initial: EditorState;
  initialErrors: Record<string, string[]>;
  indicators: EditorIndicator[];
  commitmentTitles: Record<CommitmentKey, string>;
  labels: EditorLabels;
}) {
  const { state, status, fieldErrors, pending, summary, update, normalise, submit } = useReportAutosave({
    reportId,
    locale,
    initialVersion,
    initial,
    initialErrors,
    labels,
  });
  const err = (path: string) => fieldErrors[path]?.[0];
  const ctx: EditorFieldsContext = {
    update,
    normalise,
    labels,
    errorProps: (path, id) => (err(path) ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {}),
    errorLine: (path, id) =>
      err(path) ? (
        <p id={`${id}-error`} className="text-sm font-medium text-bad">
          <span className="sr-only">{labels.errorPrefix} </span>
          {err(path)}
        </p>
      ) : null,
  };

  return (
    <div className="space-y-10" data-testid="report-editor">
      <ErrorSummary fieldErrors={fieldErrors} indicators={indicators} commitmentTitles={commitmentTitles} labels={labels} summary={summary} />
      {COMMITMENT_ORDER.map((key) => (
        <CommitmentFields key={key} commitment={key} title={commitmentTitles[key]} state={state} indicators={indicators} ctx={ctx} />
      ))}
      <SubmitBar status={status} pending={pending} submit={submit} labels={labels} />
    </div>
  );
}

/** The autosave status line and the submit button (with its confirmation step), kept in view at the bottom. */
function SubmitBar({
  status,
  pending,
  submit,
  labels,
}: {
  status: { kind: string; text: string; signIn?: string };
  pending: boolean;
  submit: () => Promise<boolean>;
  labels: EditorLabels;
}) {
  return (
    <div className="sticky bottom-0 space-y-2 border-t border-gray-300 bg-white py-3">
      <p role="status" aria-live="polite" data-testid="autosave-status" className={status.kind === 'error' ? 'text-bad' : 'text-muted'}>
        {status.text}
        {status.signIn ? (
          <>
            {' '}
            <a href={status.signIn} target="_blank" rel="noopener">
              {labels.signInToSaveLink}
            </a>
          </>
        ) : null}
      </p>
      <ConfirmStep
        triggerLabel={labels.submit!}
        texts={{
          heading: labels.submitConfirmHeading!,
          consequence: labels.submitConfirmText!,
          confirmLabel: labels.submitConfirm!,
          cancelLabel: labels.cancel!,
        }}
        onConfirm={submit}
        pending={pending}
        testId="submit-report"
      />
    </div>
  );
}
