import type { Metadata } from 'next';
import { pageLocale } from '@/lib/i18n/page';
import { pageAlternates } from '@/lib/site/alternates';
import { formatDate, type Translate } from '@/lib/i18n';
import { findCurrentTerm } from '@/lib/municipalities/queries';
import { openDataModified } from '@/lib/opendata/queries';
import { loadDcatCatalogue } from '@/lib/opendata/catalogue';
import { DCAT_PATH } from '@/lib/opendata/endpoints';
import { PROGRESS_ACTION_FIELDS, PROGRESS_FIELDS, PROGRESS_INDICATOR_FIELDS } from '@/lib/opendata/progress-fields';
import { ACCESSION_FIELDS, MUNICIPALITY_FIELDS } from '@/lib/opendata/fields';
import { FieldTable } from '@/components/opendata/field-table';
import { EndpointTable } from '@/components/opendata/endpoint-table';
import { LicenceAndMachineSections } from '@/components/opendata/licence-sections';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale, t } = await pageLocale(params);
  return { title: t('opendata.title'), description: t('opendata.lead'), alternates: pageAlternates(locale, '/data') };
}

/** JSON for an inline script: `<` escaped so the text can never close the script element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export default async function OpenDataPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  const [modified, term, dcat] = await Promise.all([openDataModified(), findCurrentTerm(), loadDcatCatalogue()]);
  const exampleTerm = term?.slug ?? '2021-2025';
  const lookupField =
    (group: 'municipalityFields' | 'accessionFields' | 'progressFields' | 'progressActionFields' | 'progressIndicatorFields') => (name: string) =>
      t(`opendata.${group}.${name}` as Parameters<Translate>[0]);
  return (
    <article className="max-w-4xl space-y-10">
      <link rel="alternate" type="application/ld+json" href={DCAT_PATH} />
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(dcat) }} />
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">{t('opendata.title')}</h1>
        <p className="text-lg">{t('opendata.lead')}</p>
      </header>

      <section aria-labelledby="scope" className="space-y-3">
        <h2 id="scope" className="text-xl font-semibold">
          {t('opendata.scopeHeading')}
        </h2>
        <p>{t('opendata.scopeText')}</p>
        <p>{t('opendata.privacyText')}</p>
        {modified ? (
          <p className="text-sm text-muted" data-testid="last-modified">
            {t('opendata.lastModified', { date: formatDate(locale, modified) })}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="endpoints" className="space-y-3">
        <h2 id="endpoints" className="text-xl font-semibold">
          {t('opendata.endpointsHeading')}
        </h2>
        <EndpointTable t={t} />
        <p>
          {t('opendata.termText')}{' '}
          <a href={`/api/v1/accessions.csv?term=${exampleTerm}`}>
            <code translate="no">/api/v1/accessions.csv?term={exampleTerm}</code>
          </a>
        </p>
        <p>{t('opendata.termDefaults')}</p>
        <p>{t('opendata.httpText')}</p>
      </section>

      <section aria-labelledby="csv" className="space-y-3">
        <h2 id="csv" className="text-xl font-semibold">
          {t('opendata.csvHeading')}
        </h2>
        <p>{t('opendata.csvText')}</p>
        <p>{t('opendata.csvFormulaText')}</p>
      </section>

      <section aria-labelledby="fields" className="space-y-3">
        <h2 id="fields" className="text-xl font-semibold">
          {t('opendata.fieldsHeading')}
        </h2>
        <p>{t('opendata.fieldsText')}</p>
        <FieldTable
          id="municipality-fields"
          caption={t('opendata.municipalityFieldsCaption')}
          fields={MUNICIPALITY_FIELDS}
          t={t}
          describe={lookupField('municipalityFields')}
        />
        <FieldTable
          id="accession-fields"
          caption={t('opendata.accessionFieldsCaption')}
          fields={ACCESSION_FIELDS}
          t={t}
          describe={lookupField('accessionFields')}
        />
      </section>

      <section aria-labelledby="progress" className="space-y-3">
        <h2 id="progress" className="text-xl font-semibold">
          {t('opendata.progressHeading')}
        </h2>
        <p>{t('opendata.progressText')}</p>
        <FieldTable
          id="progress-fields"
          caption={t('opendata.progressFieldsCaption')}
          fields={PROGRESS_FIELDS}
          t={t}
          describe={lookupField('progressFields')}
        />
        <FieldTable
          id="progress-action-fields"
          caption={t('opendata.progressActionFieldsCaption')}
          fields={PROGRESS_ACTION_FIELDS}
          t={t}
          describe={lookupField('progressActionFields')}
        />
        <FieldTable
          id="progress-indicator-fields"
          caption={t('opendata.progressIndicatorFieldsCaption')}
          fields={PROGRESS_INDICATOR_FIELDS}
          t={t}
          describe={lookupField('progressIndicatorFields')}
        />
      </section>

      <LicenceAndMachineSections locale={locale} t={t} />
    </article>
  );
}
