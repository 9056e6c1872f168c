import { formatNumber, type Locale, type Translate } from '@/lib/i18n';
import { SignatureReport, type DecisionFacts, type Inspection } from '@/components/signature-report';
import { RemoveDocumentButton } from './remove-document-button';

export type DocumentRow = { id: string; kind: 'DECISION' | 'ANNEX' | 'EVIDENCE'; sha256: string; sizeBytes: number; originalName: string; inspection: unknown };

/** Documents with download link, size, sha256 (so anyone can check a copy) and the signature report. */
export function DocumentList({
  documents,
  locale,
  t,
  removable,
  audience,
  decision,
}: {
  documents: DocumentRow[];
  locale: Locale;
  t: Translate;
  removable?: { slug: string } | { endpoint: (documentId: string) => string };
  audience?: 'public' | 'staff';
  decision?: DecisionFacts;
}) {
  if (documents.length === 0) return <p>{t('accession.noDocuments')}</p>;
  return (
    <ul className="space-y-4" data-testid="documents">
      {documents.map((d) => (
        <li key={d.id} className="rounded border border-gray-300 p-3">
          <p className="flex flex-wrap items-center gap-3">
            <strong>{t(`accession.kind${d.kind}`)}</strong>
            <a href={`/api/documents/${d.id}`} download>
              {d.originalName}
            </a>
            <span className="text-sm text-muted">{formatNumber(locale, d.sizeBytes / 1024, 0)} KB</span>
            {removable ? (
              <RemoveDocumentButton
                endpoint={'slug' in removable ? `/api/accessions/${removable.slug}/documents/${d.id}` : removable.endpoint(d.id)}
                locale={locale}
                label={t('accession.removeDocument')}
                ariaLabel={t('secretaryYear.removeNamed', { name: d.originalName })}
                texts={{
                  heading: t('secretaryYear.removeHeading', { name: d.originalName }),
                  consequence: t(d.kind === 'EVIDENCE' ? 'secretaryYear.removeEvidenceText' : 'secretaryYear.removeText'),
                  confirmLabel: t('secretaryYear.removeConfirm'),
                  cancelLabel: t('secretaryYear.cancel'),
                }}
              />
            ) : null}
          </p>
          <p className="break-all text-xs text-muted">
            {t('accession.sha256')}: <code>{d.sha256}</code>
          </p>
          <SignatureReport documentId={d.id} inspection={d.inspection as Inspection} locale={locale} t={t} audience={audience} decision={decision} />
        </li>
      ))}
    </ul>
  );
}
