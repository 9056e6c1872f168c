import { formatDate, type Locale, type Translate } from '@/lib/i18n';
import { DCAT_PATH } from '@/lib/opendata/endpoints';
import { PROGRESS_ACTION_FIELDS, PROGRESS_FIELDS, PROGRESS_INDICATOR_FIELDS } from '@/lib/opendata/progress-fields';
import { ACCESSION_FIELDS, MUNICIPALITY_FIELDS } from '@/lib/opendata/fields';
import { FieldTable } from '@/components/opendata/field-table';
import { EndpointTable } from '@/components/opendata/endpoint-table';
import { LicenceAndMachineSections } from '@/components/opendata/licence-sections';
import { Section } from '@/components/ui/section';

export type TDataPage = { modified: Date | null; exampleTerm: string; dcat: unknown };

/** JSON for an inline data block: `<` escaped so the text can never close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

type FieldGroup = 'municipalityFields' | 'accessionFields' | 'progressFields' | 'progressActionFields' | 'progressIndicatorFields';

/** The open data page: what is published, the endpoints, CSV notes, the fields of every table, licences; the DCAT catalogue as JSON-LD (data, not a script). */
export function DataPage({ locale, t, data }: { locale: Locale; t: Translate; data: TDataPage }) {
  return (
    <article className="max-w-4xl space-y-10">
      <link rel="alternate" type="application/ld+json" href={DCAT_PATH} />
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(data.dcat) }} />
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">{t('opendata.title')}</h1>
        <p className="text-lg">{t('opendata.lead')}</p>
      </header>

      <Section id="scope" heading={t('opendata.scopeHeading')} className="space-y-3" headingClassName="text-xl font-semibold">
        <p>{t('opendata.scopeText')}</p>
        <p>{t('opendata.privacyText')}</p>
        {data.modified ? (
          <p className="text-sm text-muted" data-testid="last-modified">
            {t('opendata.lastModified', { date: formatDate(locale, data.modified) })}
          </p>
        ) : null}
      </Section>

      <Section id="endpoints" heading={t('opendata.endpointsHeading')} className="space-y-3" headingClassName="text-xl font-semibold">
        <EndpointTable t={t} />
        <p>
          {t('opendata.termText')}{' '}
          <a href={`/api/v1/accessions.csv?term=${data.exampleTerm}`}>
            <code translate="no">/api/v1/accessions.csv?term={data.exampleTerm}</code>
          </a>
        </p>
        <p>{t('opendata.termDefaults')}</p>
        <p>{t('opendata.httpText')}</p>
      </Section>

      <Section id="csv" heading={t('opendata.csvHeading')} className="space-y-3" headingClassName="text-xl font-semibold">
        <p>{t('opendata.csvText')}</p>
        <p>{t('opendata.csvFormulaText')}</p>
      </Section>

      <DataFieldSections t={t} />
      <LicenceAndMachineSections locale={locale} t={t} />
    </article>
  );
}

function DataFieldSections({ t }: { t: Translate }) {
  const table = (id: string, caption: string, fields: Parameters<typeof FieldTable>[0]['fields'], group: FieldGroup) => (
    <FieldTable id={id} caption={caption} fields={fields} t={t} describe={(name) => t(`opendata.${group}.${name}` as Parameters<Translate>[0])} />
  );
  return (
    <>
      <Section id="fields" heading={t('opendata.fieldsHeading')} className="space-y-3" headingClassName="text-xl font-semibold">
        <p>{t('opendata.fieldsText')}</p>
        {table('municipality-fields', t('opendata.municipalityFieldsCaption'), MUNICIPALITY_FIELDS, 'municipalityFields')}
        {table('accession-fields', t('opendata.accessionFieldsCaption'), ACCESSION_FIELDS, 'accessionFields')}
      </Section>

      <Section id="progress" heading={t('opendata.progressHeading')} className="space-y-3" headingClassName="text-xl font-semibold">
        <p>{t('opendata.progressText')}</p>
        {table('progress-fields', t('opendata.progressFieldsCaption'), PROGRESS_FIELDS, 'progressFields')}
        {table('progress-action-fields', t('opendata.progressActionFieldsCaption'), PROGRESS_ACTION_FIELDS, 'progressActionFields')}
        {table('progress-indicator-fields', t('opendata.progressIndicatorFieldsCaption'), PROGRESS_INDICATOR_FIELDS, 'progressIndicatorFields')}
      </Section>
    </>
  );
}
