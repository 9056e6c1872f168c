import type { Locale, Translate } from '@/lib/i18n';
import { SignatureReport, type DecisionFacts, type Inspection } from '@/components/signature-report';
import { RemoveDocumentButton } from './remove-document-button';
import { DocumentItems, type DocumentRow } from './document-items';

export type { DocumentRow } from './document-items';

/** Documents with download link, size, sha256 (so anyone can check a copy), the signature report and, where allowed, a remove button (App Router pages). */
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
  return (
    <DocumentItems
      documents={documents}
      locale={locale}
      t={t}
      action={(d) =>
        removable ? (
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
        ) : null
      }
      report={(d) => (
        <SignatureReport documentId={d.id} inspection={d.inspection as Inspection} locale={locale} t={t} audience={audience} decision={decision} />
      )}
    />
  );
}
