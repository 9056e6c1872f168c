'use client';
import { useState } from 'react';

export type FormState = { pending: boolean; message: string | null; fieldErrors: Record<string, string[]> };

/**
 * Submits a form's fields as JSON to a route handler and keeps the
 * translated messages it answers with (422 field errors, 4xx messages).
 */
export function useApiForm<T = unknown>(opts: { url: string; method?: string; locale: string; onSuccess: (data: T) => void }) {
  const [state, setState] = useState<FormState>({ pending: false, message: null, fieldErrors: {} });
  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = Object.fromEntries(new FormData(event.currentTarget).entries());
    setState({ pending: true, message: null, fieldErrors: {} });
    try {
      const res = await fetch(opts.url, {
        method: opts.method ?? 'POST',
        headers: { 'content-type': 'application/json', 'x-locale': opts.locale },
        body: JSON.stringify(body),
      });
      const json = (await res.json().catch(() => null)) as { ok: boolean; data?: T; message?: string; fieldErrors?: Record<string, string[]> } | null;
      if (res.ok && json?.ok) {
        setState({ pending: false, message: null, fieldErrors: {} });
        opts.onSuccess(json.data as T);
        return;
      }
      setState({ pending: false, message: json?.message ?? `HTTP ${res.status}`, fieldErrors: json?.fieldErrors ?? {} });
    } catch {
      setState({
        pending: false,
        message: opts.locale === 'lv' ? 'Nevar sazināties ar serveri. Pārbaudiet savienojumu.' : 'Cannot reach the server. Check your connection.',
        fieldErrors: {},
      });
    }
  }
  return { state, submit };
}
