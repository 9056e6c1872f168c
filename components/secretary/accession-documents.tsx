import type { Locale, Translate } from '@/lib/i18n';
import type { findSecretaryAccession } from '@/lib/accessions/queries';
import { DocumentList } from '@/components/accession/document-list';
import { UploadWidget } from '@/components/accession/upload-widget';
import { ActionForm } from '@/components/forms/action-form';
import { confirmTexts } from '@/components/forms/workflow-texts';
import { Section } from '@/components/ui/section';

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
    <Section id="documents" heading={t('accession.documentsHeading')} className="space-y-4">
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
    </Section>
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
    <Section id="submit" heading={t('accession.submit')} className="space-y-2">
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
    </Section>
  );
}
