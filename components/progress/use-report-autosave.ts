'use client';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useRouter } from 'next/navigation';
import { normaliseNumberInput } from '@/lib/schemas/number';
import { normaliseDayInput } from '@/lib/schemas/day-input';
import type { EditorLabels, EditorState } from './editor-types';
import { mergeEditorStates } from './merge-editor-state';

const AUTOSAVE_MS = 700;

/** The status line; `signIn` (the session ended) links to sign-in in a new tab, and the save is retried when the person comes back. */
type Status = { kind: 'idle' | 'saving' | 'saved' | 'error'; text: string; signIn?: string };
type Options = {
  reportId: string;
  locale: string;
  initialVersion: number;
  initial: EditorState;
  initialErrors: Record<string, string[]>;
  labels: EditorLabels;
};

/**
 * The report editor's state and its autosave: every change is saved as typed (a debounced PUT of the whole state at
 * its version), one request at a time (`useSerialSave`); leaving with unsaved changes asks first, a pagehide flushes;
 * `submit` saves what is left, then submits.
 */
export function useReportAutosave(options: Options) {
  const { reportId, locale, labels } = options;
  const router = useRouter();
  const [state, setState] = useState(options.initial);
  const [pending, setPending] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const saver = useSerialSave({ ...options, onRebased: setState });

  function update(mutate: (draft: EditorState) => void) {
    const next = structuredClone(saver.latest.current);
    mutate(next);
    setState(next);
    saver.schedule(next);
  }

  /** On leaving a number or date field: a value the parser accepts is shown back in the locale's format. */
  function normalise(read: (s: EditorState) => string, write: (s: EditorState, v: string) => void, kind: 'number' | 'money' | 'day') {
    const before = read(saver.latest.current);
    const after = kind === 'day' ? normaliseDayInput(before) : normaliseNumberInput(before, locale, kind === 'money');
    if (after !== before && after !== '') update((d) => write(d, after));
  }

  useLeaveGuard({ dirty: saver.dirty, inFlight: saver.inFlight, flush: saver.flush, warning: labels.unsavedWarning });

  async function submit(): Promise<boolean> {
    setPending(true);
    await saver.flush();
    // A draft that could not be saved is not submitted: the status line says why.
    if (saver.dirty.current) {
      setPending(false);
      return false;
    }
    const { res, body } = await postSubmit(reportId, locale, saver.version.current);
    setPending(false);
    if (res?.ok) {
      saver.dirty.current = false;
      router.refresh();
      return true;
    }
    if (body?.fieldErrors) saver.setFieldErrors(body.fieldErrors);
    saver.setStatus({ kind: 'error', text: body?.message ?? String(res?.status ?? '') });
    setTimeout(() => summary.current?.focus(), 50);
    return false;
  }

  return { state, status: saver.status, fieldErrors: saver.fieldErrors, pending, summary, update, normalise, submit };
}

/** The save loop: the latest state, whether it is saved, the version the server holds, and the status and errors it answered with. */
function useSerialSave({ reportId, locale, initialVersion, initial, initialErrors, labels, onRebased }: Options & { onRebased: (s: EditorState) => void }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>(initialErrors);
  const version = useRef(initialVersion);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const dirty = useRef(false);
  const latest = useRef(initial);
  /** What the server held when this page last heard from it: the common ancestor of a merge. */
  const base = useRef(initial);

  /**
   * A save refused as stale: the report changed since this page last saw it (another tab, or the save made on leaving
   * the previous page, landing after this page was rendered). The changes typed here are merged onto the report as it
   * is now when they touch other fields (mergeEditorStates), and saving goes on; a real conflict keeps the error.
   */
  async function rebase(): Promise<boolean> {
    const remote = await getDraft(reportId, locale);
    if (!remote?.editable || remote.version <= version.current) return false;
    const merged = mergeEditorStates(base.current, latest.current, remote.state);
    if (!merged) return false;
    version.current = remote.version;
    base.current = remote.state;
    latest.current = merged;
    dirty.current = true;
    onRebased(merged);
    return true;
  }

  /** One PUT of `next` at the current version: kept by the server, merged onto a newer version (saved next), or failed. */
  async function save(next: EditorState, mayMerge: boolean): Promise<'saved' | 'merged' | 'failed'> {
    setStatus({ kind: 'saving', text: labels.saving! });
    const { res, body } = await putDraft(reportId, locale, version.current, next);
    if (res?.status === 409 && mayMerge && (await rebase())) return 'merged';
    if (res?.ok && body?.data) {
      version.current = body.data.version;
      base.current = next;
      if (latest.current === next) dirty.current = false;
      const errors = body.data.fieldErrors ?? {};
      setFieldErrors(errors);
      // "Saved" only once nothing newer waits: a change typed during this save is saved next.
      if (!dirty.current) setStatus(savedStatus(labels, locale, errors));
      return 'saved';
    }
    if (res?.status === 401) {
      // Note: nothing typed is lost: it stays in this page, and the save runs again when the person comes back signed in.
      setStatus({ kind: 'error', text: labels.signInToSave!, signIn: `/${locale}/signin?next=${encodeURIComponent(window.location.pathname)}` });
      return 'failed';
    }
    setFieldErrors(body?.fieldErrors ?? {});
    setStatus({ kind: 'error', text: labels.saveFailed!.replace('{message}', body?.message ?? String(res?.status ?? '')) });
    return 'failed';
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
      // At most a few merges a run: a report that keeps changing under it ends with the conflict message.
      for (let merges = 0; dirty.current;) {
        const outcome = await save(latest.current, merges < 3);
        if (outcome === 'failed') break;
        if (outcome === 'merged') merges += 1;
      }
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

  return { status, setStatus, fieldErrors, setFieldErrors, version, dirty, latest, inFlight, flush, schedule };
}

/** One PUT of the whole draft at `version`; the response and its parsed body (null when either failed). */
async function putDraft(reportId: string, locale: string, version: number, next: EditorState) {
  const res = await fetch(`/api/progress/reports/${reportId}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-locale': locale },
    body: JSON.stringify({ version, ...next }),
    keepalive: true,
  }).catch(() => null);
  const body = (await res?.json().catch(() => null)) as {
    ok: boolean;
    data?: { version: number; fieldErrors?: Record<string, string[]> };
    message?: string;
    fieldErrors?: Record<string, string[]>;
  } | null;
  return { res, body };
}

/** The report as the server holds it now (after a stale save); null when it cannot be read. */
async function getDraft(reportId: string, locale: string) {
  const res = await fetch(`/api/progress/reports/${reportId}`, { headers: { 'x-locale': locale }, cache: 'no-store' }).catch(() => null);
  const body = (await res?.json().catch(() => null)) as { ok: boolean; data?: { version: number; editable: boolean; state: EditorState } } | null;
  return res?.ok && body?.data ? body.data : null;
}

/** The POST that submits the report at `version`; the response and its parsed body. */
async function postSubmit(reportId: string, locale: string, version: number) {
  const res = await fetch(`/api/progress/reports/${reportId}/submit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-locale': locale },
    body: JSON.stringify({ version }),
  }).catch(() => null);
  const body = (await res?.json().catch(() => null)) as { message?: string; fieldErrors?: Record<string, string[]> } | null;
  return { res, body };
}

/** "Saved at …", or "saved at … with N errors" when the server kept the draft with invalid fields. */
function savedStatus(labels: EditorLabels, locale: string, errors: Record<string, string[]>): Status {
  const time = new Date().toLocaleTimeString(locale === 'lv' ? 'lv-LV' : 'en-GB');
  const count = Object.keys(errors).length;
  return count === 0
    ? { kind: 'saved', text: labels.savedAt!.replace('{time}', time) }
    : { kind: 'saved', text: labels.savedWithErrors!.replace('{time}', time).replace('{count}', String(count)) };
}

/** Leaving the page: a pagehide flushes what is unsaved, and the browser asks first while changes are not saved. */
function useLeaveGuard({
  dirty,
  inFlight,
  flush,
  warning,
}: {
  dirty: RefObject<boolean>;
  inFlight: RefObject<Promise<void> | null>;
  flush: () => Promise<void>;
  warning: string | undefined;
}) {
  useEffect(() => {
    // A save already under way carries on (keepalive); what was typed after it is covered by the beforeunload question.
    const onPageHide = () => {
      if (dirty.current && !inFlight.current) void flush();
    };
    // Note: the browser shows its own text; returnValue only has to be set.
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current) {
        e.preventDefault();
        e.returnValue = warning ?? '';
      }
    };
    // Coming back to the tab (e.g. after signing in again in another one): what is still unsaved is saved now.
    const onReturn = () => {
      if (document.visibilityState === 'visible' && dirty.current && !inFlight.current) void flush();
    };
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('beforeunload', warn);
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('beforeunload', warn);
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    };
  });
}
