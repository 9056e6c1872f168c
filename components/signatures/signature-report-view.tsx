import type { ReactNode } from 'react';
import { formatDate, formatDateTime, type Locale, type Translate } from '@/lib/i18n';
import type { SignatureInfo, UploadWarning } from '@/lib/documents/types';
import { crossCheckSignature, type CrossCheckWarning } from '@/lib/trust/cross-checks';
import type { TrustVerdict } from '@/lib/trust/types';

export type Inspection = { kind: 'pdf' | 'asice'; warnings: UploadWarning[]; signatures: SignatureInfo[] };

/** The decision a document belongs to, for the staff cross-checks. */
export type DecisionFacts = { sessionDate: string | Date | null; signatoryName: string | null };

function verdictSentence(v: TrustVerdict, s: SignatureInfo, locale: Locale, t: Translate, isStaff: boolean): string {
  const name = s.signerName ?? t('common.unknown');
  const issuer = s.issuer ?? t('common.unknown');
  const vars = {
    name,
    issuer,
    date: formatDate(locale, v.facts.signatureTime ? new Date(v.facts.signatureTime) : null),
    list: String(v.list.sequenceNumber),
    listDate: formatDate(locale, new Date(v.list.issueDate)),
  };
  if (v.status !== 'indeterminate') return t(`signatures.verdict_${v.status}`, vars);
  const reason = v.reason ? t(`signatures.reason_${v.reason}`, { algorithm: v.algorithm ?? '?' }) : t('common.unknown');
  return t(isStaff ? 'signatures.verdict_indeterminate' : 'signatures.verdict_indeterminate_public', { ...vars, reason });
}

const MARK: Record<TrustVerdict['status'], string> = {
  qualified_trusted: '✓',
  trusted_not_qualified: '✓',
  untrusted_issuer: '!',
  integrity_failed: '✕',
  indeterminate: '?',
};

function Facts({ v, locale, t }: { v: TrustVerdict; locale: Locale; t: Translate }) {
  const f = v.facts;
  const yesNo = (b: boolean | undefined) => (b ? t('signatures.yes') : t('signatures.no'));
  const time = f.signatureTime ? formatDateTime(locale, new Date(f.signatureTime)) : null;
  return (
    <details className="mt-1" data-testid="verdict-facts">
      <summary className="cursor-pointer underline">{t('signatures.factsSummary')}</summary>
      {/* Long values (a certificate name with a personal code, a chain) wrap anywhere: no cut-off at 390 px (QA s13). */}
      <dl className="mt-1 grid grid-cols-[minmax(0,max-content)_minmax(0,1fr)] gap-x-4 gap-y-0.5 [overflow-wrap:anywhere]">
        <dt>{t('signatures.factSigner')}</dt>
        <dd>{f.signer ?? t('common.unknown')}</dd>
        <dt>{t('signatures.factIssuer')}</dt>
        <dd>{f.issuer ?? t('common.unknown')}</dd>
        <dt>{t('signatures.factTime')}</dt>
        <dd>
          {time
            ? t(f.signatureTimeSource === 'timestamp' ? 'signatures.factTimeTimestamp' : 'signatures.factTimeClaimed', { date: time })
            : t('signatures.factTimeNone')}
        </dd>
        {f.chain?.length ? (
          <>
            <dt>{t('signatures.factChain')}</dt>
            <dd>{f.chain.join(' → ')}</dd>
          </>
        ) : null}
        {f.trustAnchor ? (
          <>
            <dt>{t('signatures.factAnchor')}</dt>
            <dd>{f.trustAnchor}</dd>
          </>
        ) : null}
        {f.service ? (
          <>
            <dt>{t('signatures.factService')}</dt>
            <dd>
              {t('signatures.factServiceValue', {
                name: f.service.name,
                type: f.service.type,
                provider: f.service.provider,
                status: f.service.status,
                since: f.service.statusSince ? formatDate(locale, new Date(f.service.statusSince)) : '—',
              })}
            </dd>
          </>
        ) : null}
        {f.qcCompliance !== undefined ? (
          <>
            <dt>{t('signatures.factQualified')}</dt>
            <dd>{t('signatures.factQualifiedValue', { compliance: yesNo(f.qcCompliance), sscd: yesNo(f.qcSscd), by: f.qualifiedBy ?? '—' })}</dd>
          </>
        ) : null}
        {f.timestampAuthority ? (
          <>
            <dt>{t('signatures.factTsa')}</dt>
            <dd>
              {t('signatures.factTsaValue', {
                name: f.timestampAuthority.name,
                listed: yesNo(f.timestampAuthority.listed),
                qualified: yesNo(f.timestampAuthority.qualified),
              })}
            </dd>
          </>
        ) : null}
        <dt>{t('signatures.factOcsp')}</dt>
        <dd>
          {f.ocsp
            ? t('signatures.factOcspValue', {
                status: f.ocsp.status,
                responder: f.ocsp.responder ?? '?',
                producedAt: f.ocsp.producedAt ? formatDateTime(locale, new Date(f.ocsp.producedAt)) : '?',
              })
            : t('signatures.factOcspNone')}
        </dd>
        <dt>{t('signatures.factList')}</dt>
        <dd>
          {t('signatures.factListValue', {
            list: String(v.list.sequenceNumber),
            issued: formatDate(locale, new Date(v.list.issueDate)),
            computed: formatDateTime(locale, new Date(v.computedAt)),
          })}
        </dd>
        {f.notes?.length ? (
          <>
            <dt>{t('signatures.factNotes')}</dt>
            <dd lang="en">
              <ul className="list-disc pl-5">
                {f.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
    </details>
  );
}

function warningText(w: CrossCheckWarning, locale: Locale, t: Translate): string {
  if (w.kind === 'signer_not_signatory') return t('signatures.warnSignerNotSignatory', { signer: w.signer, named: w.named });
  const vars = { signed: formatDateTime(locale, new Date(w.signed)), session: formatDate(locale, w.session) };
  return w.kind === 'signed_before_session'
    ? t('signatures.warnSignedBeforeSession', vars)
    : t('signatures.warnSignedLongAfterSession', { ...vars, days: String(w.days) });
}

export type SignatureReportProps = {
  documentId: string;
  inspection: Inspection;
  locale: Locale;
  t: Translate;
  audience?: 'public' | 'staff';
  decision?: DecisionFacts;
};

/**
 * What the file carries: each signature with its trust verdict in plain words (the newest stored
 * one, naming its trusted list, read before rendering: latestVerdicts), its time stamp, and the
 * upload warnings. Staff also get the facts behind the verdict, the cross-checks against the
 * decision and the re-check button given as `recheck`. No client code: the public pages render it.
 */
export function SignatureReportView({
  inspection,
  locale,
  t,
  audience = 'public',
  decision,
  verdicts,
  recheck,
}: SignatureReportProps & { verdicts: TrustVerdict[]; recheck?: ReactNode }) {
  const when = (iso: string | null) => (iso ? formatDateTime(locale, new Date(iso)) : null);
  const signatures = inspection.signatures ?? [];
  const isStaff = audience === 'staff';
  return (
    <div className="space-y-2 text-sm" data-testid="signature-report">
      {signatures.length === 0 ? (
        <p data-testid="unsigned">
          <span aria-hidden="true">○ </span>
          {t('signature.none')}
        </p>
      ) : (
        <ul className="space-y-2">
          {signatures.map((s, i) => {
            const v = verdicts[i];
            const warnings = isStaff && decision ? crossCheckSignature(s, decision) : [];
            return (
              <li key={i} className="rounded border border-gray-200 p-2" data-testid="signature" data-verdict={v?.status ?? 'unchecked'}>
                <p>
                  {s.integrity === 'intact'
                    ? when(s.signingTime)
                      ? t('signature.signedBy', { name: s.signerName ?? '?', date: when(s.signingTime)! })
                      : t('signature.signedByNoDate', { name: s.signerName ?? '?' })
                    : s.integrity === 'mismatch'
                      ? t('signature.mismatch')
                      : t('upload.w_signature_unchecked')}
                </p>
                <p className="font-medium" data-testid="trust-verdict">
                  {v ? (
                    <>
                      <span aria-hidden="true">{MARK[v.status]} </span>
                      {verdictSentence(v, s, locale, t, isStaff)}
                    </>
                  ) : (
                    t('signatures.notChecked')
                  )}
                </p>
                <p>{s.hasTimestamp ? t('signature.timestamp', { value: when(s.timestampTime) ?? '✓' }) : t('signature.noTimestamp')}</p>
                {!s.coversWholeDocument ? <p>{t('signature.partial')}</p> : null}
                {v?.listOutdated && v.list.nextUpdate ? (
                  <p className="text-muted">{t('signatures.listOutdated', { date: formatDate(locale, new Date(v.list.nextUpdate)) })}</p>
                ) : null}
                {warnings.length > 0 ? (
                  <div className="rounded border border-wait bg-wait-bg p-2 text-wait" data-testid="cross-check-warnings">
                    <p className="font-medium">{t('signatures.warningsHeading')}</p>
                    <ul className="list-disc pl-5">
                      {warnings.map((w) => (
                        <li key={w.kind}>{warningText(w, locale, t)}</li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {isStaff && v ? <Facts v={v} locale={locale} t={t} /> : null}
              </li>
            );
          })}
        </ul>
      )}
      {inspection.warnings.length > 0 ? (
        <div className="rounded border border-wait bg-wait-bg p-2 text-wait" data-testid="upload-warnings">
          <p className="font-medium">{t('upload.warnings')}</p>
          <ul className="list-disc pl-5">
            {inspection.warnings.map((w) => (
              <li key={w}>{t(`upload.w_${w}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {isStaff && signatures.length > 0 ? recheck : null}
    </div>
  );
}
