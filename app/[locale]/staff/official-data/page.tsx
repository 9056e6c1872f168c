import { pageLocale, privatePageMetadata } from '@/lib/i18n/page';
import { requirePagePermission, requirePageUser } from '@/lib/auth/guard';
import { officialDataState } from '@/lib/official-data/import';
import { rigaIsoDay } from '@/lib/dates';
import { now as clockNow } from '@/lib/clock';
import { StaffNav } from '@/components/staff-nav';
import { OfficialImportForm, type ImportLabels } from '@/components/official-data/import-form';
import { OfficialState } from '@/components/official-data/official-state';
import { Section } from '@/components/ui/section';

export const dynamic = 'force-dynamic';

export const generateMetadata = privatePageMetadata('officialData.title');

const IRS051_URL = 'https://data.stat.gov.lv/pxweb/lv/OSP_PUB/START__POP__IR__IRS/IRS051/';
const ATVK_URL = 'https://data.gov.lv/dati/lv/dataset/atvk';

export default async function OfficialDataPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageLocale(params);
  const user = await requirePageUser(locale, `/${locale}/staff/official-data`);
  requirePagePermission(user, 'officialData.import');
  const state = await officialDataState({ actor: user });
  const today = rigaIsoDay(clockNow());
  const labels = (kind: 'population' | 'atvk'): ImportLabels => ({
    file: t('officialData.file'),
    fileHint: t(kind === 'population' ? 'officialData.fileHintPopulation' : 'officialData.fileHintAtvk'),
    tableCode: t('officialData.tableCode'),
    tableCodeHint: t('officialData.tableCodeHint'),
    retrievedOn: t('officialData.retrievedOn'),
    url: t('officialData.url'),
    submit: t(kind === 'population' ? 'officialData.submitPopulation' : 'officialData.submitAtvk'),
    errorSummary: t('officialData.errorSummary'),
    errorSummaryLead: t('officialData.errorSummaryLead'),
    imported: t(kind === 'population' ? 'officialData.importedPopulation' : 'officialData.importedAtvk', { count: '{count}', years: '{years}' }),
    noFile: t('officialData.noFile'),
    unreachable: t('officialData.unreachable'),
  });
  return (
    <div className="space-y-8">
      <StaffNav locale={locale} user={user} current="officialData" t={t} />
      <h1 className="text-3xl font-bold">{t('officialData.title')}</h1>
      <p className="max-w-3xl">{t('officialData.lead')}</p>
      <OfficialState state={state} locale={locale} t={t} />
      <Section id="population" heading={t('officialData.populationHeading')} className="max-w-3xl space-y-3">
        <p>{t('officialData.populationHelp')}</p>
        <OfficialImportForm
          kind="population"
          locale={locale}
          labels={labels('population')}
          defaults={{ tableCode: 'IRS051', retrievedOn: today, url: IRS051_URL }}
        />
      </Section>
      <Section id="atvk" heading={t('officialData.atvkHeading')} className="max-w-3xl space-y-3">
        <p>{t('officialData.atvkHelp')}</p>
        <OfficialImportForm kind="atvk" locale={locale} labels={labels('atvk')} defaults={{ tableCode: 'ATVK', retrievedOn: today, url: ATVK_URL }} />
      </Section>
    </div>
  );
}
