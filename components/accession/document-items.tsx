import type { ReactNode } from 'react';
import { formatNumber, type Locale, type Translate } from '@/lib/i18n';
import type { TrustVerdict } from '@/lib/trust/types';
import { SignatureReportView, type Inspection } from '@/components/signatures/signature-report-view';

export type DocumentRow = { id: string; kind: 'DECISION' | 'ANNEX' | 'EVIDENCE'; sha256: string; sizeBytes: number; originalName: string; inspection: unknown };

/**
 * Documents with download link, size, sha256 (so anyone can check a copy) and what `report` renders
 * for each (the signature report); `action` adds a control beside the name. No client code itself.
 */
export function DocumentItems({
  documents,
  locale,
  t,
  report,
  action,
}: {
  documents: DocumentRow[];
  locale: Locale;
  t: Translate;
  report: (d: DocumentRow) => ReactNode;
  action?: (d: DocumentRow) => ReactNode;
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
            {action?.(d)}
          </p>
          <p className="break-all text-xs text-muted">
            {t('accession.sha256')}: <code>{d.sha256}</code>
          </p>
          {report(d)}
        </li>
      ))}
    </ul>
  );
}

/** The public list of a page's documents, with their stored verdicts read before rendering (lib/municipalities/public-page). */
export function PublicDocumentList({
  documents,
  locale,
  t,
  verdicts,
}: {
  documents: DocumentRow[];
  locale: Locale;
  t: Translate;
  verdicts: Map<string, TrustVerdict[]>;
}) {
  return (
    <DocumentItems
      documents={documents}
      locale={locale}
      t={t}
      report={(d) => (
        <SignatureReportView documentId={d.id} inspection={d.inspection as Inspection} locale={locale} t={t} verdicts={verdicts.get(d.id) ?? []} />
      )}
    />
  );
}
