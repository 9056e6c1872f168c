'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useApiForm } from '@/components/forms/use-api-form';
import { InlineAlert, InlineDone } from '@/components/forms/inline-result';

export type UserStatusLabels = {
  deactivate: string;
  confirm: string;
  yes: string;
  cancel: string;
  reactivate: string;
  deactivated: string;
  reactivated: string;
};

const buttonClass = 'rounded border border-brand px-3 py-1 font-semibold text-brand hover:bg-brand hover:text-white disabled:opacity-70';
const dangerClass = 'rounded bg-bad px-3 py-1 font-semibold text-white disabled:opacity-70';

/**
 * Deactivate (asks once more before it acts) or reactivate one account. The
 * session version the page showed goes along, so a concurrent change is a 409.
 */
export function UserStatusAction({
  locale,
  userId,
  email,
  version,
  isActive,
  labels,
}: {
  locale: string;
  userId: string;
  email: string;
  version: number;
  isActive: boolean;
  labels: UserStatusLabels;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const yesRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const action = isActive ? 'deactivate' : 'reactivate';
  const { state, submit } = useApiForm({
    url: `/api/users/${encodeURIComponent(userId)}/${action}`,
    locale,
    onSuccess: () => {
      setConfirming(false);
      setDone(isActive ? labels.deactivated : labels.reactivated);
      router.refresh();
    },
  });
  useEffect(() => {
    if (confirming) yesRef.current?.focus();
  }, [confirming]);
  return (
    <div className="space-y-2">
      {isActive && !confirming ? (
        <button
          ref={openRef}
          type="button"
          className={buttonClass}
          onClick={() => {
            setDone(null);
            setConfirming(true);
          }}
          data-testid="user-deactivate"
        >
          {labels.deactivate}
          <span className="sr-only">: {email}</span>
        </button>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate className="space-y-2">
          <input type="hidden" name="version" value={version} />
          {isActive ? <p>{labels.confirm}</p> : null}
          <div className="flex flex-wrap gap-2">
            {isActive ? (
              <>
                <button
                  ref={yesRef}
                  type="submit"
                  className={dangerClass}
                  disabled={state.pending}
                  aria-disabled={state.pending}
                  data-testid="user-deactivate-confirm"
                >
                  {labels.yes}
                  <span className="sr-only">: {email}</span>
                </button>
                <button
                  type="button"
                  className={buttonClass}
                  onClick={() => {
                    setConfirming(false);
                    setTimeout(() => openRef.current?.focus(), 0);
                  }}
                >
                  {labels.cancel}
                </button>
              </>
            ) : (
              <button type="submit" className={buttonClass} disabled={state.pending} aria-disabled={state.pending} data-testid="user-reactivate">
                {labels.reactivate}
                <span className="sr-only">: {email}</span>
              </button>
            )}
          </div>
        </form>
      )}
      <InlineAlert message={state.message} />
      <InlineDone text={done} />
    </div>
  );
}
