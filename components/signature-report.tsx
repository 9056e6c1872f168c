import { formatDateTime, type Locale, type Translate } from '@/lib/i18n';
import type { SignatureInfo, UploadWarning } from '@/lib/documents/types';

export type Inspection = { kind: 'pdf' | 'asice'; warnings: UploadWarning[]; signatures: SignatureInfo[] };

/** What the file carries: each signature (signer, time, time stamp, integrity), warnings, and the trust-chain caveat. */
export function SignatureReport({ inspection, locale, t }: { inspection: Inspection; locale: Locale; t: Translate }) {
  const when = (iso: string | null) => (iso ? formatDateTime(locale, new Date(iso)) : null);
  return (
    <div className="space-y-2 text-sm" data-testid="signature-report">
      {inspection.signatures.length === 0 ? (
        <p><span aria-hidden="true">○ </span>{t('signature.none')}</p>
      ) : (
        <ul className="space-y-2">
          {inspection.signatures.map((s, i) => (
            <li key={i} className="rounded border border-gray-200 p-2">
              <p className="font-medium">
                {s.integrity === 'intact' ? (
                  <><span aria-hidden="true">✓ </span>{when(s.signingTime) ? t('signature.signedBy', { name: s.signerName ?? '?', date: when(s.signingTime)! }) : t('signature.signedByNoDate', { name: s.signerName ?? '?' })}</>
                ) : (
                  <><span aria-hidden="true">✕ </span>{t('signature.mismatch')}</>
                )}
              </p>
              {s.issuer ? <p>{t('signature.issuer', { issuer: s.issuer })}</p> : null}
              <p>{s.hasTimestamp ? t('signature.timestamp', { value: when(s.timestampTime) ?? '✓' }) : t('signature.noTimestamp')}</p>
              {!s.coversWholeDocument ? <p>{t('signature.partial')}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {inspection.warnings.length > 0 ? (
        <div className="rounded border border-wait bg-wait-bg p-2 text-wait" data-testid="upload-warnings">
          <p className="font-medium">{t('upload.warnings')}</p>
          <ul className="list-disc pl-5">{inspection.warnings.map((w) => <li key={w}>{t(`upload.w_${w}`)}</li>)}</ul>
        </div>
      ) : null}
      <p className="text-muted">{t('signature.trustNote')}</p>
    </div>
  );
}
