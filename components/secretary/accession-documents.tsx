import type { Locale, Translate } from '@/lib/i18n';
import type { findSecretaryAccession } from '@/lib/accessions/queries';
import { DocumentList } from '@/components/accession/document-list';
import { UploadWidget } from '@/components/accession/upload-widget';
import { ActionForm } from '@/components/forms/action-form';
import { confirmTexts } from '@/components/forms/workflow-texts';

type Accession = NonNullable<Awaited<ReturnType<typeof findSecretaryAccession>>['accession']>;

/** The decision's documents, with upload and removal while the secretary may edit. */
export function AccessionDocuments({
  slug,
  accession,
  mayEdit,
  locale,
  t,
}: {
  slug: string;
  accession: Accession;
  mayEdit: boolean;
  locale: Locale;
  t: Translate;
}) {
  return (
    <section aria-labelledby="documents" className="space-y-4">
      <h2 id="documents" className="text-2xl font-semibold">
        {t('accession.documentsHeading')}
      </h2>
      <DocumentList documents={accession.documents} locale={locale} t={t} removable={mayEdit ? { slug } : undefined} />
      {mayEdit ? (
        <UploadWidget
          endpoint={`/api/accessions/${slug}/documents`}
          locale={locale}
          labels={{
            file: t('accession.uploadLabel'),
            kind: t('accession.uploadKind'),
            kinds: { DECISION: t('accession.kindDECISION'), ANNEX: t('accession.kindANNEX') },
            upload: t('accession.upload'),
            uploading: t('accession.uploading'),
            uploaded: t('accession.uploaded'),
            aborted: t('upload.aborted'),
          }}
        />
      ) : null}
    </section>
  );
}

/** Sending the decision to the association for verification (after a confirmation step). */
export function SubmitAccession({
  slug,
  version,
  hasDecisionDoc,
  locale,
  t,
}: {
  slug: string;
  version: number;
  hasDecisionDoc: boolean;
  locale: Locale;
  t: Translate;
}) {
  return (
    <section aria-labelledby="submit" className="space-y-2">
      <h2 id="submit" className="text-2xl font-semibold">
        {t('accession.submit')}
      </h2>
      {!hasDecisionDoc ? <p>{t('accession.needDecisionDocument')}</p> : null}
      <ActionForm
        url={`/api/accessions/${slug}/submit`}
        locale={locale}
        version={version}
        submitLabel={t('accession.submit')}
        successText={t('accession.submitted')}
        testId="submit-form"
        confirm={confirmTexts(t, 'submitDecision')}
      />
    </section>
  );
}
