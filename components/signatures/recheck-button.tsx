'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';

/** Staff: re-run the trust check of a document with the current trusted list (the earlier verdicts stay in the history). */
export function RecheckTrustButton({ documentId, locale, label, doneText }: { documentId: string; locale: string; label: string; doneText: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; message: string | null; error: boolean }>({ busy: false, message: null, error: false });
  async function onClick() {
    setState({ busy: true, message: null, error: false });
    const res = await fetch(`/api/staff/documents/${documentId}/trust-recheck`, { method: 'POST', headers: { 'x-locale': locale } });
    if (!res.ok) {
      const message = ((await res.json().catch(() => null)) as { message?: string } | null)?.message ?? `HTTP ${res.status}`;
      setState({ busy: false, message, error: true });
      return;
    }
    setState({ busy: false, message: doneText, error: false });
    router.refresh();
  }
  return (
    <p className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={() => void onClick()}
        disabled={state.busy}
        className="rounded border border-gray-500 px-2 py-0.5"
        data-testid="trust-recheck"
      >
        {label}
      </button>
      {state.message ? (
        <span role={state.error ? 'alert' : 'status'} className={state.error ? 'text-bad' : ''}>
          {state.message}
        </span>
      ) : null}
    </p>
  );
}
