import type { Translate } from '@/lib/i18n';
import { DATA_LICENCE, GEOMETRY_LICENCE } from '@/lib/opendata/licences';
import { DCAT_PATH, OPENAPI_PATH } from '@/lib/opendata/endpoints';
import { Section } from '@/components/ui/section';

/** The licences of the data and of the geometry, and the machine-readable descriptions (OpenAPI, DCAT-AP). */
export function LicenceAndMachineSections({ locale, t }: { locale: string; t: Translate }) {
  return (
    <>
      <Section id="licence" heading={t('opendata.licenceHeading')} className="space-y-3" headingClassName="text-xl font-semibold">
        <p>{t('opendata.licenceData')}</p>
        <p>
          <a href={`https://creativecommons.org/licenses/by/4.0/deed.${locale}`} rel="license noopener">
            {t('opendata.licenceLink')}
          </a>{' '}
          · <a href={DATA_LICENCE.textPath}>{t('opendata.licenceDataText')}</a>
        </p>
        <p>{t('opendata.licenceGeometry')}</p>
        <p>
          <a href="https://www.amcharts.com/" rel="noopener">
            {t('opendata.amchartsLink')}
          </a>{' '}
          · <a href={GEOMETRY_LICENCE.textPath}>{t('opendata.licenceGeometryText')}</a>
        </p>
        <p>{t('opendata.geometryOrientation')}</p>
      </Section>

      <Section id="machine" heading={t('opendata.machineHeading')} className="space-y-3" headingClassName="text-xl font-semibold">
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <a href={OPENAPI_PATH}>{t('opendata.openapiLink')}</a> – {t('opendata.openapiText')}
          </li>
          <li>
            <a href={DCAT_PATH}>{t('opendata.dcatLink')}</a> – {t('opendata.dcatText')}
          </li>
        </ul>
      </Section>
    </>
  );
}
