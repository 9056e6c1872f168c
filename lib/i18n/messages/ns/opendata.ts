import type { Widen } from '../lv';

/** More UI strings of the open data (licences served, progress reports as open data); merged into `opendata`. en must have every key of lv. */
const lv = {
  licenceDataText: 'CC BY 4.0 licences teksts šajā portālā',
  licenceGeometryText: 'amCharts licences teksts šajā portālā (tam jāpievienojas ģeometrijai)',
  geometryOrientation:
    'GeoJSON ģeometrija atbilst RFC 7946: ārējie riņķi ir pretēji pulksteņrādītāja virzienam, caurumi – pulksteņrādītāja virzienā. Katrā GeoJSON datnē lauks licenses nosauc katras daļas licenci un tās teksta adresi.',
  progressResource: {
    progress: 'Progress: saistības',
    progress_actions: 'Progress: pasākumi',
    progress_indicators: 'Progress: rādītāji',
  },
  progressDistribution: {
    progress: { json: 'Progress katrā saistībā pa pašvaldībām un gadiem (JSON)', csv: 'Progress katrā saistībā pa pašvaldībām un gadiem (CSV)' },
    progress_actions: { json: 'Progresa pārskatu pasākumi ar datumiem un budžetu (JSON)', csv: 'Progresa pārskatu pasākumi ar datumiem un budžetu (CSV)' },
    progress_indicators: { json: 'Progresa pārskatu rādītāji ar mērvienībām (JSON)', csv: 'Progresa pārskatu rādītāji ar mērvienībām (CSV)' },
  },
  progressHeading: 'Progresa pārskati',
  progressText:
    'Pieņemtie progresa pārskati par trim saistībām: katrai pašvaldībai, gadam un saistībai – statuss un apraksts; atsevišķās tabulās pasākumi (datumi, budžets EUR) un rādītāji (vērtība ar mērvienību). Publicēta tikai jaunākā pieņemtā pārskata redakcija pašvaldībām, kuru dalība attiecīgajā pilnvaru laikā ir pārbaudīta vai reģistrēta no publicēta avota; melnraksti, iesniegtie un atgrieztie pārskati netiek publicēti. Nezināma vērtība ir tukša (null), nevis nulle.',
  progressFieldsCaption: 'Progresa datu kopas lauki (saistības)',
  progressActionFieldsCaption: 'Progresa pasākumu lauki',
  progressIndicatorFieldsCaption: 'Progresa rādītāju lauki',
  progressFields: {
    municipality_slug: 'Pašvaldības identifikators (slug).',
    atvk_code: 'Pašvaldības ATVK kods; pagaidām tukšs.',
    term: 'Domes pilnvaru laiks, piemēram, “2025-2029”.',
    year: 'Pārskata gads.',
    commitment:
      'Saistība: “resources” (resursi sociālajam dienestam), “staff” (sociālo darbinieku prasmes, atalgojums, telpas) vai “cooperation” (iestāžu sadarbība).',
    status: 'Saistības izpilde: “not_started”, “in_progress” vai “achieved”; tukšs, ja pārskatā nav norādīts.',
    narrative: 'Pašvaldības apraksts par paveikto; tukšs, ja nav.',
    report_revision: 'Pieņemtā pārskata redakcijas numurs.',
    accepted_at: 'Laiks, kad biedrības pārskatu pieņēma (ISO 8601, UTC).',
    is_demo: 'true, ja pārskats ir demonstrācijas dati.',
  },
  progressActionFields: {
    municipality_slug: 'Pašvaldības identifikators (slug).',
    atvk_code: 'Pašvaldības ATVK kods; pagaidām tukšs.',
    term: 'Domes pilnvaru laiks.',
    year: 'Pārskata gads.',
    commitment: 'Saistība, uz kuru pasākums attiecas.',
    position: 'Pasākuma kārtas numurs saistībā (no 1).',
    title: 'Pasākuma nosaukums.',
    status: 'Stāvoklis: “planned”, “in_progress”, “done” vai “cancelled”.',
    planned_on: 'Plānotais datums (GGGG-MM-DD); tukšs, ja nav zināms.',
    done_on: 'Izpildes datums (GGGG-MM-DD); tukšs, ja nav izpildīts vai nav zināms.',
    budget_eur: 'Budžets eiro; tukšs, ja nav zināms (nevis nulle).',
    is_demo: 'true, ja pārskats ir demonstrācijas dati.',
  },
  progressIndicatorFields: {
    municipality_slug: 'Pašvaldības identifikators (slug).',
    atvk_code: 'Pašvaldības ATVK kods; pagaidām tukšs.',
    term: 'Domes pilnvaru laiks.',
    year: 'Pārskata gads.',
    commitment: 'Saistība, uz kuru rādītājs attiecas.',
    indicator: 'Rādītāja atslēga no portāla rādītāju kataloga, piemēram, “service_budget_eur”.',
    kind: 'Rādītāja veids: money, fte, count, hours, boolean vai text.',
    unit: 'Mērvienība: EUR, FTE (slodzes), count (skaits) vai hours (stundas); tukšs jā/nē un teksta rādītājiem.',
    value_number: 'Skaitliskā vērtība mērvienībā unit; tukšs, ja nav zināma.',
    value_boolean: 'Jā/nē vērtība; tukšs, ja nav zināma.',
    value_text: 'Teksta vērtība; tukšs, ja nav zināma.',
    is_demo: 'true, ja pārskats ir demonstrācijas dati.',
  },
  progressDatasetTitle: 'Pašvaldību progress memoranda saistību izpildē',
  progressDatasetDescription:
    'Pieņemtie pašvaldību gada progresa pārskati par memoranda par sociālā darba attīstību pašvaldībās trim saistībām: statuss un apraksts katrai saistībai, pasākumi ar datumiem un budžetu, rādītāji ar mērvienībām. Tikai publiski, biedrību pieņemti pārskati; nezināms ir null, nevis nulle.',
  distributionDescription: 'Atvērto datu izplatījums: {title}. Lauki un formāts aprakstīti OpenAPI dokumentā.',
};

const en: Widen<typeof lv> = {
  licenceDataText: 'CC BY 4.0 licence text on this portal',
  licenceGeometryText: 'amCharts licence text on this portal (it must travel with the geometry)',
  geometryOrientation:
    'GeoJSON geometry follows RFC 7946: exterior rings are counter-clockwise, holes clockwise. In every GeoJSON file the licenses member names the licence of each part and the address of its text.',
  progressResource: {
    progress: 'Progress: commitments',
    progress_actions: 'Progress: actions',
    progress_indicators: 'Progress: indicators',
  },
  progressDistribution: {
    progress: { json: 'Progress on each commitment by municipality and year (JSON)', csv: 'Progress on each commitment by municipality and year (CSV)' },
    progress_actions: { json: 'Actions of progress reports with dates and budgets (JSON)', csv: 'Actions of progress reports with dates and budgets (CSV)' },
    progress_indicators: { json: 'Indicators of progress reports with units (JSON)', csv: 'Indicators of progress reports with units (CSV)' },
  },
  progressHeading: 'Progress reports',
  progressText:
    'Accepted progress reports on the three commitments: for each municipality, year and commitment the status and the narrative; in separate tables the actions (dates, budget in EUR) and the indicators (value with its unit). Only the latest accepted revision is published, and only for municipalities whose membership in that term is verified or recorded from a published source; drafts, submitted and returned reports are not published. An unknown value is empty (null), not zero.',
  progressFieldsCaption: 'Fields of the progress dataset (commitments)',
  progressActionFieldsCaption: 'Fields of progress actions',
  progressIndicatorFieldsCaption: 'Fields of progress indicators',
  progressFields: {
    municipality_slug: 'Identifier of the municipality (slug).',
    atvk_code: 'ATVK code of the municipality; empty for now.',
    term: 'Council term, e.g. “2025-2029”.',
    year: 'Reporting year.',
    commitment:
      'Commitment: “resources” (resources for the social service), “staff” (social workers’ skills, pay, premises) or “cooperation” (cooperation of institutions).',
    status: 'Fulfilment of the commitment: “not_started”, “in_progress” or “achieved”; empty if the report does not say.',
    narrative: 'The municipality’s account of what was done; empty if none.',
    report_revision: 'Revision number of the accepted report.',
    accepted_at: 'When the associations accepted the report (ISO 8601, UTC).',
    is_demo: 'true if the report is demonstration data.',
  },
  progressActionFields: {
    municipality_slug: 'Identifier of the municipality (slug).',
    atvk_code: 'ATVK code of the municipality; empty for now.',
    term: 'Council term.',
    year: 'Reporting year.',
    commitment: 'The commitment the action belongs to.',
    position: 'Order of the action within the commitment (from 1).',
    title: 'Title of the action.',
    status: 'State: “planned”, “in_progress”, “done” or “cancelled”.',
    planned_on: 'Planned date (YYYY-MM-DD); empty if unknown.',
    done_on: 'Date done (YYYY-MM-DD); empty if not done or unknown.',
    budget_eur: 'Budget in euro; empty if unknown (not zero).',
    is_demo: 'true if the report is demonstration data.',
  },
  progressIndicatorFields: {
    municipality_slug: 'Identifier of the municipality (slug).',
    atvk_code: 'ATVK code of the municipality; empty for now.',
    term: 'Council term.',
    year: 'Reporting year.',
    commitment: 'The commitment the indicator belongs to.',
    indicator: 'Key of the indicator in the portal’s indicator catalogue, e.g. “service_budget_eur”.',
    kind: 'Kind of indicator: money, fte, count, hours, boolean or text.',
    unit: 'Unit: EUR, FTE (full-time equivalents), count or hours; empty for yes/no and text indicators.',
    value_number: 'Numeric value in the unit; empty if unknown.',
    value_boolean: 'Yes/no value; empty if unknown.',
    value_text: 'Text value; empty if unknown.',
    is_demo: 'true if the report is demonstration data.',
  },
  progressDatasetTitle: 'Municipalities’ progress on the memorandum’s commitments',
  progressDatasetDescription:
    'Accepted yearly progress reports of municipalities on the three commitments of the Memorandum on the Development of Social Work in Municipalities: status and narrative per commitment, actions with dates and budgets, indicators with units. Only public reports accepted by the associations; unknown is null, never zero.',
  distributionDescription: 'Open data distribution: {title}. Fields and format are described in the OpenAPI document.',
};

export const opendataMessages = { lv, en };
