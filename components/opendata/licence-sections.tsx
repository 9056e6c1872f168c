import type { Translate } from '@/lib/i18n';
import { DATA_LICENCE, GEOMETRY_LICENCE } from '@/lib/opendata/licences';
import { DCAT_PATH, OPENAPI_PATH } from '@/lib/opendata/endpoints';

/** The licences of the data and of the geometry, and the machine-readable descriptions (OpenAPI, DCAT-AP). */
export function LicenceAndMachineSections({ locale, t }: { locale: string; t: Translate }) {
  return (
    <>
      <section aria-labelledby="licence" className="space-y-3">
        <h2 id="licence" className="text-xl font-semibold">
          {t('opendata.licenceHeading')}
        </h2>
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
      </section>

      <section aria-labelledby="machine" className="space-y-3">
        <h2 id="machine" className="text-xl font-semibold">
          {t('opendata.machineHeading')}
        </h2>
        <ul className="list-disc space-y-2 pl-5">
          <li>
            <a href={OPENAPI_PATH}>{t('opendata.openapiLink')}</a> – {t('opendata.openapiText')}
          </li>
          <li>
            <a href={DCAT_PATH}>{t('opendata.dcatLink')}</a> – {t('opendata.dcatText')}
          </li>
        </ul>
      </section>
    </>
  );
}
