'use client';
import { useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';

export type EditorAction = { title: string; status: 'PLANNED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED'; plannedOn: string; doneOn: string; budgetEur: string };
export type EditorSection = { status: 'NOT_STARTED' | 'IN_PROGRESS' | 'ACHIEVED'; narrative: string; actions: EditorAction[] };
export type EditorState = { commitments: Record<'resources' | 'staff' | 'cooperation', EditorSection>; indicators: Record<string, string> };
export type EditorIndicator = { key: string; commitment: 'resources' | 'staff' | 'cooperation'; kind: string; label: string };
type Labels = Record<string, string>;

const AUTOSAVE_MS = 700;

/**
 * The report editor. Every change is saved as you type (debounced PUT of the
 * whole state at its version), so a closed tab or an expired session loses
 * at most the last fraction of a second; the server answers with field
 * errors in the user's language.
 */
export function ReportEditor({ reportId, locale, initialVersion, initial, indicators, commitmentTitles, labels }: {
  reportId: string; locale: string; initialVersion: number; initial: EditorState; indicators: EditorIndicator[];
  commitmentTitles: Record<'resources' | 'staff' | 'cooperation', string>; labels: Labels;
}) {
  const router = useRouter();
  const [state, setState] = useState(initial);
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; text: string }>({ kind: 'idle', text: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const version = useRef(initialVersion);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const dirty = useRef(false);

  async function save(next: EditorState): Promise<void> {
    setStatus({ kind: 'saving', text: labels.saving! });
    const res = await fetch(`/api/progress/reports/${reportId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-locale': locale },
      body: JSON.stringify({ version: version.current, ...next }),
      keepalive: true,
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as { ok: boolean; data?: { version: number }; message?: string; fieldErrors?: Record<string, string[]> } | null;
    if (res?.ok && body?.data) {
      version.current = body.data.version;
      dirty.current = false;
      setFieldErrors({});
      setStatus({ kind: 'saved', text: labels.savedAt!.replace('{time}', new Date().toLocaleTimeString(locale === 'lv' ? 'lv-LV' : 'en-GB')) });
    } else {
      setFieldErrors(body?.fieldErrors ?? {});
      setStatus({ kind: 'error', text: labels.saveFailed!.replace('{message}', body?.message ?? String(res?.status ?? '')) });
    }
  }

  function update(mutate: (draft: EditorState) => void) {
    setState((previous) => {
      const next = structuredClone(previous);
      mutate(next);
      dirty.current = true;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => { inFlight.current = save(next); }, AUTOSAVE_MS);
      return next;
    });
  }

  useEffect(() => {
    const flush = () => { if (dirty.current) void save(state); };
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  });

  async function submit() {
    if (timer.current) clearTimeout(timer.current);
    if (dirty.current) await save(state);
    else if (inFlight.current) await inFlight.current;
    const res = await fetch(`/api/progress/reports/${reportId}/submit`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-locale': locale }, body: JSON.stringify({ version: version.current }) });
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    if (res.ok) router.refresh();
    else setStatus({ kind: 'error', text: body?.message ?? String(res.status) });
  }

  const err = (path: string) => fieldErrors[path]?.join(' ');
  return (
    <div className="space-y-10" data-testid="report-editor">
      {(['resources', 'staff', 'cooperation'] as const).map((key) => {
        const section = state.commitments[key];
        return (
          <section key={key} aria-labelledby={`c-${key}`} className="space-y-4 rounded border border-gray-300 p-4" data-commitment={key}>
            <h2 id={`c-${key}`} className="text-xl font-semibold">{commitmentTitles[key]}</h2>
            <div className="space-y-1">
              <label htmlFor={`${key}-status`} className="block font-medium">{labels.commitmentStatus}</label>
              <select id={`${key}-status`} value={section.status} onChange={(e) => update((d) => { d.commitments[key].status = e.target.value as EditorSection['status']; })} className="rounded border border-gray-500 px-3 py-1.5">
                {(['NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED'] as const).map((s) => <option key={s} value={s}>{labels[`cs_${s}`]}</option>)}
              </select>
            </div>
            <div className="space-y-1">
              <label htmlFor={`${key}-narrative`} className="block font-medium">{labels.narrative}</label>
              <textarea id={`${key}-narrative`} rows={4} maxLength={10000} value={section.narrative} onChange={(e) => update((d) => { d.commitments[key].narrative = e.target.value; })} aria-invalid={err(`commitments.${key}.narrative`) ? true : undefined} className="w-full rounded border border-gray-500 px-3 py-2" />
              {err(`commitments.${key}.narrative`) ? <p className="text-sm text-bad">{err(`commitments.${key}.narrative`)}</p> : null}
            </div>
            <fieldset className="space-y-3">
              <legend className="font-medium">{labels.actions}</legend>
              {section.actions.map((a, i) => (
                <div key={i} className="grid gap-2 rounded bg-gray-50 p-2 md:grid-cols-6" data-testid={`action-${key}-${i}`}>
                  <label className="md:col-span-2">{labels.actionTitle}<input value={a.title} onChange={(e) => update((d) => { d.commitments[key].actions[i]!.title = e.target.value; })} className="block w-full rounded border border-gray-500 px-2 py-1" /></label>
                  <label>{labels.actionStatus}<select value={a.status} onChange={(e) => update((d) => { d.commitments[key].actions[i]!.status = e.target.value as EditorAction['status']; })} className="block w-full rounded border border-gray-500 px-2 py-1">{(['PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const).map((s) => <option key={s} value={s}>{labels[`as_${s}`]}</option>)}</select></label>
                  <label>{labels.plannedOn}<input type="date" value={a.plannedOn} onChange={(e) => update((d) => { d.commitments[key].actions[i]!.plannedOn = e.target.value; })} className="block w-full rounded border border-gray-500 px-2 py-1" /></label>
                  <label>{labels.doneOn}<input type="date" value={a.doneOn} onChange={(e) => update((d) => { d.commitments[key].actions[i]!.doneOn = e.target.value; })} className="block w-full rounded border border-gray-500 px-2 py-1" /></label>
                  <label>{labels.budgetEur}<input inputMode="decimal" value={a.budgetEur} onChange={(e) => update((d) => { d.commitments[key].actions[i]!.budgetEur = e.target.value; })} className="block w-full rounded border border-gray-500 px-2 py-1" /></label>
                  {err(`commitments.${key}.actions.${i}.budgetEur`) || err(`commitments.${key}.actions.${i}.title`) ? <p className="text-sm text-bad md:col-span-6">{[err(`commitments.${key}.actions.${i}.title`), err(`commitments.${key}.actions.${i}.budgetEur`)].filter(Boolean).join(' ')}</p> : null}
                  <button type="button" onClick={() => update((d) => { d.commitments[key].actions.splice(i, 1); })} className="justify-self-start rounded border border-gray-500 px-2 py-0.5 text-sm">{labels.removeAction}</button>
                </div>
              ))}
              <button type="button" onClick={() => update((d) => { d.commitments[key].actions.push({ title: '', status: 'PLANNED', plannedOn: '', doneOn: '', budgetEur: '' }); })} className="rounded border border-gray-500 px-3 py-1 text-sm">{labels.addAction}</button>
            </fieldset>
            <fieldset className="space-y-3">
              <legend className="font-medium">{labels.indicators}</legend>
              <p className="text-sm text-muted">{labels.unknownHint}</p>
              <div className="grid gap-3 md:grid-cols-2">
                {indicators.filter((ind) => ind.commitment === key).map((ind) => (
                  <div key={ind.key} className="space-y-1">
                    <label htmlFor={`ind-${ind.key}`} className="block text-sm font-medium">{ind.label}</label>
                    {ind.kind === 'boolean' ? (
                      <select id={`ind-${ind.key}`} value={state.indicators[ind.key] ?? ''} onChange={(e) => update((d) => { d.indicators[ind.key] = e.target.value; })} className="rounded border border-gray-500 px-3 py-1.5">
                        <option value="">{labels.blank}</option>
                        <option value="yes">{labels.yes}</option>
                        <option value="no">{labels.no}</option>
                      </select>
                    ) : (
                      <input id={`ind-${ind.key}`} inputMode={ind.kind === 'text' ? undefined : 'decimal'} value={state.indicators[ind.key] ?? ''} onChange={(e) => update((d) => { d.indicators[ind.key] = e.target.value; })} aria-invalid={err(`indicators.${ind.key}`) ? true : undefined} aria-describedby={err(`indicators.${ind.key}`) ? `ind-${ind.key}-error` : undefined} className="w-full rounded border border-gray-500 px-3 py-1.5" />
                    )}
                    {err(`indicators.${ind.key}`) ? <p id={`ind-${ind.key}-error`} className="text-sm text-bad">{err(`indicators.${ind.key}`)}</p> : null}
                  </div>
                ))}
              </div>
            </fieldset>
          </section>
        );
      })}
      <div className="sticky bottom-0 flex flex-wrap items-center gap-4 border-t border-gray-300 bg-white py-3">
        <button type="button" onClick={() => void submit()} className="rounded bg-brand px-4 py-2 font-semibold text-white">{labels.submit}</button>
        <p role="status" aria-live="polite" data-testid="autosave-status" className={status.kind === 'error' ? 'text-bad' : 'text-muted'}>{status.text}</p>
      </div>
    </div>
  );
}
