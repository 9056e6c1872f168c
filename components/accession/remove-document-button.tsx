'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmStep, type ConfirmTexts } from '@/components/forms/confirm-step';

/**
 * "Remove" for one document, named by its file ("Noņemt lēmums.pdf") so every
 * button on the page has its own accessible name, with a second step naming
 * the consequence. `endpoint` is the document's DELETE route.
 */
export function RemoveDocumentButton({
  endpoint,
  locale,
  label,
  ariaLabel,
  texts,
}: {
  endpoint: string;
  locale: string;
  label: string;
  ariaLabel: string;
  texts: ConfirmTexts;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function onConfirm(): Promise<boolean> {
    setPending(true);
    const res = await fetch(endpoint, { method: 'DELETE', headers: { 'x-locale': locale } }).catch(() => null);
    setPending(false);
    if (!res?.ok) {
      setError(((await res?.json().catch(() => null)) as { message?: string } | null)?.message ?? `HTTP ${res?.status ?? ''}`);
      return false;
    }
    router.refresh();
    return true;
  }
  return (
    <>
      <ConfirmStep triggerLabel={label} triggerAriaLabel={ariaLabel} texts={texts} variant="danger" onConfirm={onConfirm} pending={pending} />
      {error ? (
        <span role="alert" className="text-sm text-bad">
          {error}
        </span>
      ) : null}
    </>
  );
}
