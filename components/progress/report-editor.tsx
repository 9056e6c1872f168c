'use client';
import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { normaliseNumberInput } from '@/lib/schemas/number';
import { normaliseDayInput } from '@/lib/schemas/day-input';
import { ConfirmStep } from '@/components/forms/confirm-step';

export type EditorAction = { title: string; status: 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED'; plannedOn: string; doneOn: string; budgetEur: string };
export type EditorSection = { status: 'NOT_STARTED' | 'IN_PROGRESS' | 'ACHIEVED'; narrative: string; actions: EditorAction[] };
export type EditorState = { commitments: Record<'resources' | 'staff' | 'cooperation', EditorSection>; indicators: Record<string, string> };
export type EditorIndicator = { key: string; commitment: 'resources' | 'staff' | 'cooperation'; kind: string; label: string };
type Labels = Record<string, string>;
type Key = 'resources' | 'staff' | 'cooperation';
const KEYS: Key[] = ['resources', 'staff', 'cooperation'];

const AUTOSAVE_MS = 700;

/** The id of a field's input for an error path ('commitments.staff.actions.0.title' → 'staff-a0-title'). */
function inputIdOf(path: string): string | null {
  const ind = /^indicators\.(\w+)$/.exec(path);
  if (ind) return `ind-${ind[1]}`;
  const act = /^commitments\.(\w+)\.actions\.(\d+)\.(\w+)$/.exec(path);
  if (act) return `${act[1]}-a${act[2]}-${act[3]}`;
  const sec = /^commitments\.(\w+)\.(\w+)$/.exec(path);
  if (sec) return `${sec[1]}-${sec[2]}`;
  return null;
}

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
  commitmentTitles: Record<Key, string>;
  labels: Labels;
}) {
  const router = useRouter();
  const [state, setState] = useState(initial);
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; text: string }>({ kind: 'idle', text: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>(initialErrors);
  const [pending, setPending] = useState(false);
  const version = useRef(initialVersion);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const dirty = useRef(false);
  const latest = useRef(initial);
  const summary = useRef<HTMLDivElement>(null);

  /** One PUT of `next` at the current version; true when the server kept it. */
  async function save(next: EditorState): Promise<boolean> {
    setStatus({ kind: 'saving', text: labels.saving! });
    const res = await fetch(`/api/progress/reports/${reportId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-locale': locale },
      body: JSON.stringify({ version: version.current, ...next }),
      keepalive: true,
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as {
      ok: boolean;
      data?: { version: number; fieldErrors?: Record<string, string[]> };
      message?: string;
      fieldErrors?: Record<string, string[]>;
    } | null;
    if (res?.ok && body?.data) {
      version.current = body.data.version;
      if (latest.current === next) dirty.current = false;
      const errors = body.data.fieldErrors ?? {};
      setFieldErrors(errors);
      // "Saved" only once nothing newer waits: a change typed during this save is saved next.
      if (!dirty.current) {
        const time = new Date().toLocaleTimeString(locale === 'lv' ? 'lv-LV' : 'en-GB');
        const count = Object.keys(errors).length;
        setStatus(
          count === 0
            ? { kind: 'saved', text: labels.savedAt!.replace('{time}', time) }
            : { kind: 'saved', text: labels.savedWithErrors!.replace('{time}', time).replace('{count}', String(count)) },
        );
      }
      return true;
    }
    setFieldErrors(body?.fieldErrors ?? {});
    setStatus({ kind: 'error', text: labels.saveFailed!.replace('{message}', body?.message ?? String(res?.status ?? '')) });
    return false;
  }

  /**
   * Saves until nothing is left unsaved, one request at a time: every PUT
   * carries the version the previous one returned, so two saves never race
   * (a second PUT at the same version would be refused as a conflict and the
   * later typing lost). Called while a save runs, it returns that run, which
   * picks up the newer state when its request comes back.
   */
  function flush(): Promise<void> {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) return inFlight.current;
    if (!dirty.current) return Promise.resolve();
    const run = (async () => {
      while (dirty.current) if (!(await save(latest.current))) break;
    })();
    inFlight.current = run;
    run
      .finally(() => {
        if (inFlight.current === run) inFlight.current = null;
      })
      .catch(() => undefined);
    return run;
  }

  function schedule(next: EditorState) {
    latest.current = next;
    dirty.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void flush();
    }, AUTOSAVE_MS);
  }

  function update(mutate: (draft: EditorState) => void) {
    const next = structuredClone(latest.current);
    mutate(next);
    setState(next);
    schedule(next);
  }

  /** On leaving a number or date field: a value the parser accepts is shown back in the locale's format. */
  function normalise(read: (s: EditorState) => string, write: (s: EditorState, v: string) => void, kind: 'number' | 'day') {
    const before = read(latest.current);
    const after = kind === 'number' ? normaliseNumberInput(before, locale) : normaliseDayInput(before);
    if (after !== before && after !== '') update((d) => write(d, after));
  }

  useEffect(() => {
    // A save already under way carries on (keepalive); what was typed after it is covered by the beforeunload question.
    const onPageHide = () => {
      if (dirty.current && !inFlight.current) void flush();
    };
    // Note: the browser shows its own text; returnValue only has to be set.
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current) {
        e.preventDefault();
        e.returnValue = labels.unsavedWarning ?? '';
      }
    };
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('beforeunload', warn);
    };
  });

  async function submit(): Promise<boolean> {
    setPending(true);
    await flush();
    // A draft that could not be saved is not submitted: the status line says why.
    if (dirty.current) {
      setPending(false);
      return false;
    }
    const res = await fetch(`/api/progress/reports/${reportId}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-locale': locale },
      body: JSON.stringify({ version: version.current }),
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as { message?: string; fieldErrors?: Record<string, string[]> } | null;
    setPending(false);
    if (res?.ok) {
      dirty.current = false;
      router.refresh();
      return true;
    }
    if (body?.fieldErrors) setFieldErrors(body.fieldErrors);
    setStatus({ kind: 'error', text: body?.message ?? String(res?.status ?? '') });
    setTimeout(() => summary.current?.focus(), 50);
    return false;
  }

  const err = (path: string) => fieldErrors[path]?.[0];
  const errorProps = (path: string, id: string) => (err(path) ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {});
  const errorLine = (path: string, id: string) =>
    err(path) ? (
      <p id={`${id}-error`} className="text-sm font-medium text-bad">
        <span className="sr-only">{labels.errorPrefix} </span>
        {err(path)}
      </p>
    ) : null;
  const labelOf = (path: string): string => {
    const ind = /^indicators\.(\w+)$/.exec(path);
    if (ind) return indicators.find((i) => i.key === ind[1])?.label ?? path;
    const act = /^commitments\.(\w+)\.actions\.(\d+)\.(\w+)$/.exec(path);
    if (act)
      return `${commitmentTitles[act[1] as Key] ?? ''} · ${labels.actionN!.replace('{n}', String(Number(act[2]) + 1))} · ${labels[act[3]!] ?? labels.actionTitle}`;
    const sec = /^commitments\.(\w+)\.(\w+)$/.exec(path);
    if (sec) return `${commitmentTitles[sec[1] as Key] ?? ''} · ${labels[sec[2] === 'narrative' ? 'narrative' : 'commitmentStatus']}`;
    return labels.errorSummary!;
  };
  const errorPaths = Object.keys(fieldErrors).filter((p) => fieldErrors[p]?.length);
  const input = 'block w-full rounded border border-gray-500 px-2 py-1 aria-[invalid=true]:border-2 aria-[invalid=true]:border-bad';

  return (
    <div className="space-y-10" data-testid="report-editor">
      {errorPaths.length > 0 ? (
        <div
          ref={summary}
          tabIndex={-1}
          aria-labelledby="error-summary-title"
          className="rounded border-4 border-bad p-4 outline-none"
          data-testid="error-summary"
        >
          <h2 id="error-summary-title" className="text-xl font-semibold">
            {labels.errorSummary}
          </h2>
          <p>{labels.errorSummaryLead}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {errorPaths.map((p) => {
              const id = inputIdOf(p);
              return (
                <li key={p}>
                  {id ? (
                    <a
                      href={`#${id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(id)?.focus();
                        document.getElementById(id)?.scrollIntoView({ block: 'center' });
                      }}
                      className="font-medium text-bad"
                    >
                      {labelOf(p)}: {fieldErrors[p]![0]}
                    </a>
                  ) : (
                    <span>{fieldErrors[p]![0]}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {KEYS.map((key) => {
        const section = state.commitments[key];
        return (
          <section key={key} aria-labelledby={`c-${key}`} className="space-y-4 rounded border border-gray-300 p-4" data-commitment={key}>
            <h2 id={`c-${key}`} className="text-xl font-semibold">
              {commitmentTitles[key]}
            </h2>
            <div className="space-y-1">
              <label htmlFor={`${key}-status`} className="block font-medium">
                {labels.commitmentStatus}
              </label>
              <select
                id={`${key}-status`}
                value={section.status}
                onChange={(e) =>
                  update((d) => {
                    d.commitments[key].status = e.target.value as EditorSection['status'];
                  })
                }
                className="max-w-full rounded border border-gray-500 px-3 py-1.5"
              >
                {(['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED'] as const).map((s) => (
                  <option key={s} value={s}>
                    {labels[`cs_${s}`]}
                  </option>
                ))}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor={`${key}-narrative`} className="block font-medium">
                {labels.narrative}
              </label>
              <textarea
                id={`${key}-narrative`}
                rows={4}
                maxLength={10000}
                value={section.narrative}
                onChange={(e) =>
                  update((d) => {
                    d.commitments[key].narrative = e.target.value;
                  })
                }
                {...errorProps(`commitments.${key}.narrative`, `${key}-narrative`)}
                className={`${input} px-3 py-2`}
              />
              {errorLine(`commitments.${key}.narrative`, `${key}-narrative`)}
            </div>
            <fieldset className="min-w-0 space-y-3">
              <legend className="font-medium">{labels.actions}</legend>
              {section.actions.map((a, i) => {
                const base = `commitments.${key}.actions.${i}`;
                const id = `${key}-a${i}`;
                return (
                  <div
                    key={i}
                    role="group"
                    aria-label={labels.actionN!.replace('{n}', String(i + 1))}
                    className="grid gap-2 rounded bg-gray-50 p-2 md:grid-cols-6"
                    data-testid={`action-${key}-${i}`}
                  >
                    <div className="md:col-span-2">
                      <label htmlFor={`${id}-title`}>
                        {labels.actionTitle} <span className="text-sm">({labels.required})</span>
                      </label>
                      <input
                        id={`${id}-title`}
                        maxLength={300}
                        value={a.title}
                        onChange={(e) =>
                          update((d) => {
                            d.commitments[key].actions[i]!.title = e.target.value;
                          })
                        }
                        {...errorProps(`${base}.title`, `${id}-title`)}
                        className={input}
                      />
                      {errorLine(`${base}.title`, `${id}-title`)}
                    </div>
                    <div>
                      <label htmlFor={`${id}-status`}>{labels.actionStatus}</label>
                      <select
                        id={`${id}-status`}
                        value={a.status}
                        onChange={(e) =>
                          update((d) => {
                            d.commitments[key].actions[i]!.status = e.target.value as EditorAction['status'];
                          })
                        }
                        className={input}
                      >
                        {(['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const).map((s) => (
                          <option key={s} value={s}>
                            {labels[`as_${s}`]}
                          </option>
                        ))}
                      </select>
                    </div>
                    {(['plannedOn', 'doneOn'] as const).map((f) => (
                      <div key={f}>
                        <label htmlFor={`${id}-${f}`}>
                          {labels[f]} <span className="text-sm">({labels.dateFormat})</span>
                        </label>
                        <input
                          id={`${id}-${f}`}
                          maxLength={20}
                          autoComplete="off"
                          value={a[f]}
                          onChange={(e) =>
                            update((d) => {
                              d.commitments[key].actions[i]![f] = e.target.value;
                            })
                          }
                          onBlur={() =>
                            normalise(
                              (s) => s.commitments[key].actions[i]?.[f] ?? '',
                              (s, v) => {
                                s.commitments[key].actions[i]![f] = v;
                              },
                              'day',
                            )
                          }
                          {...errorProps(`${base}.${f}`, `${id}-${f}`)}
                          className={input}
                        />
                        {errorLine(`${base}.${f}`, `${id}-${f}`)}
                      </div>
                    ))}
                    <div>
                      <label htmlFor={`${id}-budgetEur`}>{labels.budgetEur}</label>
                      <input
                        id={`${id}-budgetEur`}
                        inputMode="decimal"
                        maxLength={40}
                        value={a.budgetEur}
                        onChange={(e) =>
                          update((d) => {
                            d.commitments[key].actions[i]!.budgetEur = e.target.value;
                          })
                        }
                        onBlur={() =>
                          normalise(
                            (s) => s.commitments[key].actions[i]?.budgetEur ?? '',
                            (s, v) => {
                              s.commitments[key].actions[i]!.budgetEur = v;
                            },
                            'number',
                          )
                        }
                        {...errorProps(`${base}.budgetEur`, `${id}-budgetEur`)}
                        className={input}
                      />
                      {errorLine(`${base}.budgetEur`, `${id}-budgetEur`)}
                    </div>
                    <button
                      type="button"
                      aria-label={`${labels.removeAction} ${i + 1}${a.title.trim() ? ` (${a.title.trim()})` : ''}`}
                      onClick={() =>
                        update((d) => {
                          d.commitments[key].actions.splice(i, 1);
                        })
                      }
                      className="justify-self-start rounded border border-gray-500 px-2 py-0.5 text-sm"
                    >
                      {labels.removeAction}
                    </button>
                  </div>
                );
              })}
              <button
                type="button"
                onClick={() =>
                  update((d) => {
                    d.commitments[key].actions.push({ title: '', status: 'PLANNED', plannedOn: '', doneOn: '', budgetEur: '' });
                  })
                }
                className="rounded border border-gray-500 px-3 py-1 text-sm"
              >
                {labels.addAction}
              </button>
            </fieldset>
            <fieldset className="min-w-0 space-y-3">
              <legend className="font-medium">{labels.indicators}</legend>
              <p className="text-sm text-muted">{labels.unknownHint}</p>
              <div className="grid gap-3 md:grid-cols-2">
                {indicators
                  .filter((ind) => ind.commitment === key)
                  .map((ind) => {
                    const path = `indicators.${ind.key}`;
                    const id = `ind-${ind.key}`;
                    return (
                      <div key={ind.key} className="space-y-1">
                        <label htmlFor={id} className="block text-sm font-medium">
                          {ind.label}
                        </label>
                        {ind.kind === 'boolean' ? (
                          <select
                            id={id}
                            value={state.indicators[ind.key] ?? ''}
                            onChange={(e) =>
                              update((d) => {
                                d.indicators[ind.key] = e.target.value;
                              })
                            }
                            {...errorProps(path, id)}
                            className="max-w-full rounded border border-gray-500 px-3 py-1.5"
                          >
                            <option value="">{labels.blank}</option>
                            <option value="yes">{labels.yes}</option>
                            <option value="no">{labels.no}</option>
                          </select>
                        ) : (
                          <input
                            id={id}
                            inputMode={ind.kind === 'text' ? undefined : 'decimal'}
                            maxLength={ind.kind === 'text' ? 1000 : 40}
                            value={state.indicators[ind.key] ?? ''}
                            onChange={(e) =>
                              update((d) => {
                                d.indicators[ind.key] = e.target.value;
                              })
                            }
                            onBlur={
                              ind.kind === 'text'
                                ? undefined
                                : () =>
                                    normalise(
                                      (s) => s.indicators[ind.key] ?? '',
                                      (s, v) => {
                                        s.indicators[ind.key] = v;
                                      },
                                      'number',
                                    )
                            }
                            {...errorProps(path, id)}
                            className={`${input} px-3 py-1.5`}
                          />
                        )}
                        {errorLine(path, id)}
                      </div>
                    );
                  })}
              </div>
            </fieldset>
          </section>
        );
      })}
      <div className="sticky bottom-0 space-y-2 border-t border-gray-300 bg-white py-3">
        <p role="status" aria-live="polite" data-testid="autosave-status" className={status.kind === 'error' ? 'text-bad' : 'text-muted'}>
          {status.text}
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
    </div>
  );
}
