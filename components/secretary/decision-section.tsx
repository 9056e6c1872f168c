import type { Locale, Translate } from '@/lib/i18n';
import { rigaIsoDay } from '@/lib/dates';
import { now as clockNow } from '@/lib/clock';
import { councilBodyOf } from '@/lib/accessions/council-body';
import { DecisionForm, type DecisionValues } from '@/components/accession/decision-form';
import { Section } from '@/components/ui/section';

type RecordedDecision = {
  councilBody: string | null;
  sessionDate: Date | null;
  sessionType: string | null;
  decisionNumber: string | null;
  agendaItem: string | null;
  signatoryName: string | null;
  signatoryRole: string | null;
};

/** The decision form's values: what was recorded, else empty, the council's body prefilled from its official name. */
export function decisionValuesOf(accession: RecordedDecision | null, officialNameLv: string | null): DecisionValues {
  return {
    // Prefilled with the council's usual name (lib/accessions/council-body), which the secretary may change.
    councilBody: accession?.councilBody ?? councilBodyOf(officialNameLv) ?? '',
    sessionDate: accession?.sessionDate ? accession.sessionDate.toISOString().slice(0, 10) : '',
    sessionType: accession?.sessionType === 'REGULAR' || accession?.sessionType === 'EXTRAORDINARY' ? accession.sessionType : '',
    decisionNumber: accession?.decisionNumber ?? '',
    agendaItem: accession?.agendaItem ?? '',
    signatoryName: accession?.signatoryName ?? '',
    signatoryRole: accession?.signatoryRole ?? '',
  };
}

/** The council's decision: the form while the secretary may edit it, else the recorded facts; and the signing sheet once numbered. */
export function DecisionSection({
  slug,
  values,
  mayEdit,
  recorded,
  locale,
  t,
}: {
  slug: string;
  values: DecisionValues;
  mayEdit: boolean;
  /** An accession exists (its facts are shown when it may not be edited). */
  recorded: boolean;
  locale: Locale;
  t: Translate;
}) {
  return (
    <Section id="decision" heading={t('accession.decisionHeading')} className="space-y-4">
      {mayEdit ? (
        <DecisionForm slug={slug} locale={locale} values={values} today={rigaIsoDay(clockNow())} labels={decisionFormLabels(t)} />
      ) : recorded ? (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
          <dt>{t('accession.councilBody')}</dt>
          <dd>{values.councilBody}</dd>
          <dt>{t('accession.sessionDate')}</dt>
          <dd>{values.sessionDate}</dd>
          <dt>{t('accession.decisionNumber')}</dt>
          <dd>{values.decisionNumber}</dd>
          <dt>{t('accession.signatoryName')}</dt>
          <dd>
            {values.signatoryName}, {values.signatoryRole}
          </dd>
        </dl>
      ) : null}
      {values.decisionNumber ? (
        <p>
          <a href={`/api/accessions/${slug}/signing-sheet?lang=${locale}`} download data-testid="signing-sheet-link">
            {t('accession.signingSheet')}
          </a>
          <span className="block text-sm text-muted">{t('accession.signingSheetHint')}</span>
        </p>
      ) : null}
    </Section>
  );
}

/** The decision form's labels in the page's language. */
function decisionFormLabels(t: Translate) {
  return {
    councilBody: t('accession.councilBody'),
    councilBodyHint: t('accession.councilBodyHint'),
    sessionDate: t('accession.sessionDate'),
    sessionType: t('accession.sessionType'),
    regular: t('sessionType.REGULAR'),
    extraordinary: t('sessionType.EXTRAORDINARY'),
    decisionNumber: t('accession.decisionNumber'),
    decisionNumberHint: t('accession.decisionNumberHint'),
    agendaItem: t('accession.agendaItem'),
    signatoryName: t('accession.signatoryName'),
    signatoryRole: t('accession.signatoryRole'),
    signatoryRoleHint: t('accession.signatoryRoleHint'),
    save: t('accession.save'),
    saved: t('accession.saved'),
    required: t('secretaryYear.requiredMark'),
    sessionDateHint: t('secretaryYear.dateHint'),
  };
}
