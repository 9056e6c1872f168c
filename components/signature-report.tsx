import { latestVerdicts } from '@/lib/trust/verdicts';
import { RecheckTrustButton } from '@/components/signatures/recheck-button';
import { SignatureReportView, type SignatureReportProps } from '@/components/signatures/signature-report-view';

export type { DecisionFacts, Inspection } from '@/components/signatures/signature-report-view';

/**
 * The signature report of one document on an App Router page: reads the
 * document's stored verdicts and, for staff, adds the re-check button
 * (components/signatures/signature-report-view.tsx renders it).
 */
export async function SignatureReport(props: SignatureReportProps) {
  const { documentId, inspection, locale, t } = props;
  const verdicts = (inspection.signatures ?? []).length > 0 ? ((await latestVerdicts([documentId])).get(documentId) ?? []) : [];
  return (
    <SignatureReportView
      {...props}
      verdicts={verdicts}
      recheck={<RecheckTrustButton documentId={documentId} locale={locale} label={t('signatures.recheck')} doneText={t('signatures.rechecked')} />}
    />
  );
}
