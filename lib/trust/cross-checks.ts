/**
 * Cross-checks of a signature against the decision it is attached to, shown to staff as warnings
 * (never refusals): signed before the council session or long after it; signer unlike the
 * decision's named signatory.
 */
import type { SignatureInfo } from '@/lib/documents/types';
import { rigaIsoDay } from '@/lib/dates';

/** Signing this long after the session is unusual enough to point out. */
export const LATE_SIGNING_DAYS = 90;

export type CrossCheckWarning =
  | { kind: 'signed_before_session'; signed: string; session: string }
  | { kind: 'signed_long_after_session'; signed: string; session: string; days: number }
  | { kind: 'signer_not_signatory'; signer: string; named: string };

/** Letters only, without diacritics, upper case, words sorted: "Bērziņš Jānis" ≈ "JANIS BERZINS". */
export function normalizePersonName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\p{L}\s-]/gu, ' ')
    .split(/[\s-]+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/** Warnings for one signature; `sessionDate` is the calendar day (YYYY-MM-DD) of the council session. */
export function crossCheckSignature(
  sig: Pick<SignatureInfo, 'signerName' | 'signingTime' | 'timestampTime'>,
  decision: { sessionDate: string | Date | null; signatoryName: string | null },
): CrossCheckWarning[] {
  const out: CrossCheckWarning[] = [];
  const when = sig.timestampTime ?? sig.signingTime;
  const session = decision.sessionDate
    ? (typeof decision.sessionDate === 'string' ? decision.sessionDate : decision.sessionDate.toISOString()).slice(0, 10)
    : null;
  if (when && session) {
    const signedDay = rigaIsoDay(new Date(when));
    if (signedDay < session) out.push({ kind: 'signed_before_session', signed: when, session });
    const days = (new Date(when).getTime() - new Date(`${session}T00:00:00Z`).getTime()) / 86_400_000;
    if (days > LATE_SIGNING_DAYS) out.push({ kind: 'signed_long_after_session', signed: when, session, days: LATE_SIGNING_DAYS });
  }
  if (sig.signerName && decision.signatoryName && normalizePersonName(sig.signerName) !== normalizePersonName(decision.signatoryName)) {
    out.push({ kind: 'signer_not_signatory', signer: sig.signerName, named: decision.signatoryName });
  }
  return out;
}
