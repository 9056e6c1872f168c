'use client';
import { useEffect, useRef, useState } from 'react';
import { Field, SubmitButton } from '@/components/forms/field';

export type ImportLabels = {
  file: string;
  fileHint: string;
  tableCode: string;
  tableCodeHint: string;
  retrievedOn: string;
  url: string;
  submit: string;
  errorSummary: string;
  errorSummaryLead: string;
  imported: string;
  noFile: string;
  unreachable: string;
};
type Defaults = { tableCode: string; retrievedOn: string; url: string };
type Result = { figures?: number; codes?: number; years?: number[] };

const FIELDS = ['file', 'fileName', 'tableCode', 'retrievedOn', 'url'] as const;

/**
 * Uploads an official table (the file's own bytes, as the document uploads do)
 * with where it came from in the query string. A refusal is shown as a
 * GOV.UK-style error summary naming every problem (the unknown and missing
 * units), each linked to its field; nothing was changed.
 */
export function OfficialImportForm({
  kind,
  locale,
  labels,
  defaults,
}: {
  kind: 'population' | 'atvk';
  locale: string;
  labels: ImportLabels;
  defaults: Defaults;
}) {
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<{ message: string | null; fieldErrors: Record<string, string[]> }>({ message: null, fieldErrors: {} });
  const [result, setResult] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const prefix = `${kind}-`;

  function fail(message: string | null, fieldErrors: Record<string, string[]>) {
    setErrors({ message, fieldErrors });
    setPending(false);
  }

  // GOV.UK pattern: the summary takes the focus once it is on screen, so it is read out first.
  useEffect(() => {
    if (errors.message !== null || Object.keys(errors.fieldErrors).length > 0) summary.current?.focus();
  }, [errors]);

  // PxWeb names its exports `<TABLE>_<YYYYMMDD-HHMMSS>.csv`: the table code and the day it was downloaded.
  function onFile(event: React.ChangeEvent<HTMLInputElement>) {
    const m = /^([A-Z]{2,5}\d{2,4})_(\d{4})(\d{2})(\d{2})-\d{6}\.csv$/i.exec(event.currentTarget.files?.[0]?.name ?? '');
    const code = document.getElementById(`f-${prefix}tableCode`) as HTMLInputElement | null;
    const day = document.getElementById(`f-${prefix}retrievedOn`) as HTMLInputElement | null;
    if (m && code && day) {
      code.value = m[1]!.toUpperCase();
      day.value = `${m[2]}-${m[3]}-${m[4]}`;
    }
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    const form = new FormData(event.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return fail(null, { file: [labels.noFile] });
    setPending(true);
    const text = (name: string) => {
      const v = form.get(`${prefix}${name}`);
      return typeof v === 'string' ? v : '';
    };
    const query = new URLSearchParams({ fileName: file.name, tableCode: text('tableCode'), retrievedOn: text('retrievedOn'), url: text('url') });
    try {
      const res = await fetch(`/api/staff/official-data/${kind}?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-locale': locale },
        body: file,
      });
      const json = (await res.json().catch(() => null)) as { ok: boolean; data?: Result; message?: string; fieldErrors?: Record<string, string[]> } | null;
      if (res.ok && json?.ok && json.data) {
        setErrors({ message: null, fieldErrors: {} });
        setPending(false);
        const count = json.data.figures ?? json.data.codes ?? 0;
        setResult(labels.imported.replace('{count}', String(count)).replace('{years}', (json.data.years ?? []).join(', ')));
        return;
      }
      fail(json?.message ?? `HTTP ${res.status}`, json?.fieldErrors ?? {});
    } catch {
      fail(labels.unreachable, {});
    }
  }

  const fe = errors.fieldErrors;
  const listed = FIELDS.filter((f) => fe[f]?.length).flatMap((f) => fe[f]!.map((message) => ({ field: f === 'fileName' ? 'file' : f, message })));
  const hasErrors = errors.message !== null || listed.length > 0;
  const labelOf = (f: string) => (f === 'file' ? labels.file : f === 'tableCode' ? labels.tableCode : f === 'retrievedOn' ? labels.retrievedOn : labels.url);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="space-y-4" data-testid={`import-${kind}`}>
      {hasErrors ? (
        <div
          ref={summary}
          tabIndex={-1}
          role="alert"
          aria-labelledby={`${prefix}error-summary-title`}
          className="rounded border-4 border-bad p-4 outline-none"
          data-testid={`error-summary-${kind}`}
        >
          <h3 id={`${prefix}error-summary-title`} className="text-xl font-semibold">
            {labels.errorSummary}
          </h3>
          <p>{errors.message ?? labels.errorSummaryLead}</p>
          {listed.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {listed.map((e, i) => (
                <li key={i}>
                  <a href={`#f-${prefix}${e.field}`} className="font-medium text-bad">
                    {labelOf(e.field)}: {e.message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {result ? (
        <p role="status" className="rounded border border-ok bg-ok-bg p-3" data-testid={`imported-${kind}`}>
          {result}
        </p>
      ) : null}
      <div className="space-y-1">
        <label htmlFor={`f-${prefix}file`} className="block font-medium">
          {labels.file}
        </label>
        <p id={`f-${prefix}file-hint`} className="text-sm text-muted">
          {labels.fileHint}
        </p>
        <input
          id={`f-${prefix}file`}
          name="file"
          type="file"
          accept=".csv,text/csv"
          onChange={onFile}
          aria-invalid={fe.file?.length ? true : undefined}
          aria-describedby={`f-${prefix}file-hint${fe.file?.length ? ` f-${prefix}file-error` : ''}`}
        />
        {fe.file?.length ? (
          <p id={`f-${prefix}file-error`} className="text-sm font-medium text-bad">
            {fe.file[0]}
          </p>
        ) : null}
      </div>
      <Field name={`${prefix}tableCode`} label={labels.tableCode} hint={labels.tableCodeHint} errors={fe.tableCode} defaultValue={defaults.tableCode} />
      <Field name={`${prefix}retrievedOn`} label={labels.retrievedOn} type="date" errors={fe.retrievedOn} defaultValue={defaults.retrievedOn} />
      <Field name={`${prefix}url`} label={labels.url} type="url" errors={fe.url} defaultValue={defaults.url} />
      <SubmitButton pending={pending} label={labels.submit} />
    </form>
  );
}
