'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useApiForm } from '@/components/forms/use-api-form';
import { InlineAlert, InlineDone, InvitationLinkNotice } from '@/components/forms/inline-result';

export type InvitationActionLabels = { resend: string; revoke: string; resent: string; revoked: string };

const buttonClass = 'rounded border border-brand px-3 py-1 font-semibold text-brand hover:bg-brand hover:text-white disabled:opacity-70';

/**
 * Resend and Revoke for one pending or expired invitation. A resend answers
 * with the new link, shown here once (the old link stops working).
 */
export function InvitationActions({ locale, id, email, labels }: { locale: string; id: string; email: string; labels: InvitationActionLabels }) {
  const router = useRouter();
  const [link, setLink] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const resend = useApiForm<{ url: string }>({
    url: `/api/invitations/${encodeURIComponent(id)}/resend`,
    locale,
    onSuccess: (data) => {
      setLink(data.url);
      router.refresh();
    },
  });
  const revoke = useApiForm({
    url: `/api/invitations/${encodeURIComponent(id)}/revoke`,
    locale,
    onSuccess: () => {
      setLink(null);
      setRevoked(true);
      router.refresh();
    },
  });
  const message = resend.state.message ?? revoke.state.message;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form onSubmit={(e) => void resend.submit(e)} noValidate>
          <button type="submit" className={buttonClass} disabled={resend.state.pending} aria-disabled={resend.state.pending} data-testid="invitation-resend">
            {labels.resend}
            <span className="sr-only">: {email}</span>
          </button>
        </form>
        <form onSubmit={(e) => void revoke.submit(e)} noValidate>
          <button type="submit" className={buttonClass} disabled={revoke.state.pending} aria-disabled={revoke.state.pending} data-testid="invitation-revoke">
            {labels.revoke}
            <span className="sr-only">: {email}</span>
          </button>
        </form>
      </div>
      <InlineAlert message={message} />
      <InvitationLinkNotice lead={labels.resent} link={link} />
      <InlineDone text={revoked && labels.revoked} />
    </div>
  );
}
