import { lookup, type Locale } from '@/lib/i18n';
import { DATA_ENDPOINTS, DCAT_PATH, OPENAPI_PATH, distributionTitleKey, type DataEndpoint, type DatasetKey } from './endpoints';
import { DATA_LICENCE, EU_CC_BY_4, GEOMETRY_LICENCE } from './licences';
import type { DatasetDates, OpenDataDates } from './queries';

/**
 * The DCAT-AP 3.0.1 description of the open data as JSON-LD: a dcat:Catalog
 * with two dcat:Datasets (who joined; their progress), one dcat:Distribution
 * per data endpoint and a dcat:DataService for the API. Checked in
 * tests/unit/opendata/dcat-shacl.test.ts with the official SHACL shapes: no
 * violation of the conformance or range shapes, and every recommended
 * property present.
 *
 * Every IRI is built on `base` (PUBLIC_BASE_URL), never on the request, and
 * the dates come from the database, so a harvester sees the same catalogue
 * after a restart. Objects from the EU vocabularies carry their class (as the
 * vocabularies would give it) so that range checks pass without loading them.
 * Titles and descriptions come from the i18n messages, tagged lv and en.
 */

const EU = 'http://publications.europa.eu/resource/authority';
const LANGS: readonly Locale[] = ['lv', 'en'];

type Node = { [key: string]: unknown };

const tagged = (key: string, vars?: Record<string, string>): Node[] => LANGS.map((l) => ({ '@value': lookup(l, key, vars), '@language': l }));
const both = (lv: string, en: string): Node[] => [
  { '@value': lv, '@language': 'lv' },
  { '@value': en, '@language': 'en' },
];
const id = (uri: string): Node => ({ '@id': uri });
const typed = (uri: string, type: string | string[]): Node => ({ '@id': uri, '@type': type });
const dateTime = (d: Date): Node => ({ '@value': d.toISOString(), '@type': 'xsd:dateTime' });
const date = (d: string): Node => ({ '@value': d, '@type': 'xsd:date' });

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatap: 'http://data.europa.eu/r5r/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  gsp: 'http://www.opengis.net/ont/geosparql#',
} as const;

/** A concept of a controlled vocabulary, with its English preferred label as the vocabulary gives it. */
const labelled = (uri: string, label: string): Node => ({ '@id': uri, '@type': 'skos:Concept', 'skos:prefLabel': { '@value': label, '@language': 'en' } });
const THEMES = [labelled(`${EU}/data-theme/SOCI`, 'Population and society'), labelled(`${EU}/data-theme/GOVE`, 'Government and public sector')];
const THEME_TAXONOMY: Node = { '@id': `${EU}/data-theme`, '@type': 'skos:ConceptScheme', 'dct:title': { '@value': 'Data theme', '@language': 'en' } };
const LANGUAGES = [typed(`${EU}/language/LAV`, 'dct:LinguisticSystem'), typed(`${EU}/language/ENG`, 'dct:LinguisticSystem')];
const IRREGULAR = typed(`${EU}/frequency/IRREG`, 'dct:Frequency');
const STABLE = labelled(`${EU}/planned-availability/STABLE`, 'stable');
const ATTRIBUTION_LICENCE_TYPE = labelled('http://purl.org/adms/licencetype/Attribution', 'Attribution');
const NON_PROFIT = labelled('http://purl.org/adms/publishertype/NonProfitOrganisation', 'Non-Profit Organisation');

/**
 * Latvia, with the bounding box and centroid of the municipality boundaries
 * (prisma/data/municipalities.geojson; d3-geo geoBounds and geoCentroid, WGS 84;
 * tests/unit/opendata/dcat-shacl.test.ts recomputes them).
 */
export const LATVIA_BBOX = [20.969, 55.6727, 28.2429, 58.0822] as const;
export const LATVIA_CENTROID = [24.9351, 56.8618] as const;
const LATVIA: Node = {
  '@id': `${EU}/country/LVA`,
  '@type': 'dct:Location',
  'dcat:bbox': {
    '@value': (([x0, y0, x1, y1]) => `POLYGON((${x0} ${y0},${x1} ${y0},${x1} ${y1},${x0} ${y1},${x0} ${y0}))`)(LATVIA_BBOX),
    '@type': 'gsp:wktLiteral',
  },
  'dcat:centroid': { '@value': `POINT(${LATVIA_CENTROID[0]} ${LATVIA_CENTROID[1]})`, '@type': 'gsp:wktLiteral' },
};

/** The two issuing associations (named in the memorandum; prisma/data/seed-records.json). */
function issuers(base: string): Node[] {
  return [
    {
      '@id': `${base}${DCAT_PATH}#lpsdva`,
      '@type': ['foaf:Agent', 'foaf:Organization'],
      'foaf:name': both('Latvijas Pašvaldību sociālo dienestu vadītāju apvienība', 'Latvian Association of Heads of Municipal Social Services'),
      'dct:type': NON_PROFIT,
    },
    {
      '@id': `${base}${DCAT_PATH}#lsdb`,
      '@type': ['foaf:Agent', 'foaf:Organization'],
      'foaf:name': both('Latvijas sociālo darbinieku biedrība', 'Latvian Association of Social Workers'),
      'dct:type': NON_PROFIT,
    },
  ];
}

function contactPoint(base: string, email: string | undefined): Node {
  return {
    '@id': `${base}${DCAT_PATH}#contact`,
    '@type': ['vcard:Kind', 'vcard:Organization'],
    'vcard:fn': 'Memorands',
    'vcard:hasURL': id(`${base}/lv/data`),
    ...(email ? { 'vcard:hasEmail': id(`mailto:${email}`) } : {}),
  };
}

/** CC BY 4.0 for the records; the GeoJSON distributions' geometry is under the amCharts licence, served with it. */
function dataLicence(base: string): Node {
  return {
    '@id': EU_CC_BY_4,
    '@type': 'dct:LicenseDocument',
    'dct:type': ATTRIBUTION_LICENCE_TYPE,
    'rdfs:seeAlso': [id(DATA_LICENCE.canonicalUrl), id(`${base}${DATA_LICENCE.textPath}`)],
  };
}
function geometryLicence(base: string): Node {
  return {
    '@id': `${base}${GEOMETRY_LICENCE.textPath}`,
    '@type': 'dct:LicenseDocument',
    'dct:type': ATTRIBUTION_LICENCE_TYPE,
    'rdfs:label': both(
      'amCharts bezmaksas licence (“linkware”) robežu ģeometrijai: atsauce “Kartes dati: amCharts” ar saiti uz amcharts.com, licences teksts kopā ar ģeometriju. Īpašības (ieraksti): CC BY 4.0.',
      'Free amCharts licence (linkware) for the boundary geometry: attribution "Map data: amCharts" with a link to amcharts.com, the licence text travelling with the geometry. Properties (records): CC BY 4.0.',
    ),
  };
}

const DATASET_ID: Record<DatasetKey, string> = { accessions: 'dataset', progress: 'progress' };
const datasetIri = (base: string, key: DatasetKey) => `${base}${DCAT_PATH}#${DATASET_ID[key]}`;

function distribution(e: DataEndpoint, base: string, dates: DatasetDates): Node {
  const url = `${base}${e.path}`;
  const title = tagged(distributionTitleKey(e));
  return {
    '@id': `${url}#distribution`,
    '@type': 'dcat:Distribution',
    'dct:title': title,
    'dct:description': LANGS.map((l, i) => ({
      '@value': lookup(l, 'opendata.distributionDescription', { title: String(title[i]!['@value']) }),
      '@language': l,
    })),
    'dcat:accessURL': id(url),
    'dcat:downloadURL': id(url),
    'dcat:mediaType': typed(`http://www.iana.org/assignments/media-types/${e.mediaType}`, 'dct:MediaType'),
    'dct:format': typed(`${EU}/file-type/${e.euFileType}`, 'dct:MediaTypeOrExtent'),
    'dct:license': e.format === 'geojson' ? geometryLicence(base) : dataLicence(base),
    ...(e.format === 'geojson' ? { 'dct:rights': { '@type': 'dct:RightsStatement', 'rdfs:label': tagged('opendata.rightsStatement') } } : {}),
    'dcatap:availability': STABLE,
    'dcat:accessService': id(`${base}${OPENAPI_PATH}#service`),
    ...(dates.issued ? { 'dct:issued': dateTime(dates.issued) } : {}),
    ...(dates.modified ? { 'dct:modified': dateTime(dates.modified) } : {}),
  };
}

function dataset(key: DatasetKey, base: string, dates: DatasetDates, contact: Node, agents: Node[]): Node {
  const titleKey = key === 'accessions' ? 'opendata.datasetTitle' : 'opendata.progressDatasetTitle';
  const descriptionKey = key === 'accessions' ? 'opendata.datasetDescription' : 'opendata.progressDatasetDescription';
  const iri = datasetIri(base, key);
  return {
    '@id': iri,
    '@type': 'dcat:Dataset',
    'dct:identifier': iri,
    'dct:title': tagged(titleKey),
    'dct:description': tagged(descriptionKey),
    // DCAT-AP: at most one publisher; both issuing associations are creators.
    'dct:publisher': agents[0],
    'dct:creator': agents,
    'dcat:contactPoint': contact,
    'dcat:keyword': LANGS.flatMap((l) =>
      lookup(l, 'opendata.keywords')
        .split(',')
        .map((k) => ({ '@value': k.trim(), '@language': l })),
    ),
    'dcat:theme': THEMES,
    'dct:spatial': LATVIA,
    ...(dates.temporal
      ? { 'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': date(dates.temporal.start), 'dcat:endDate': date(dates.temporal.end) } }
      : {}),
    'dct:language': LANGUAGES,
    'dct:accrualPeriodicity': IRREGULAR,
    'dct:rights': { '@type': 'dct:RightsStatement', 'rdfs:label': tagged('opendata.rightsStatement') },
    'dcat:landingPage': typed(`${base}/lv/data`, 'foaf:Document'),
    'foaf:page': [typed(`${base}/lv/data`, 'foaf:Document'), typed(`${base}/en/data`, 'foaf:Document')],
    ...(dates.issued ? { 'dct:issued': dateTime(dates.issued) } : {}),
    ...(dates.modified ? { 'dct:modified': dateTime(dates.modified) } : {}),
    'dcat:distribution': DATA_ENDPOINTS.filter((e) => e.dataset === key).map((e) => distribution(e, base, dates)),
  };
}

const earliest = (...ds: (Date | null)[]) => ds.filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
const latest = (...ds: (Date | null)[]) => ds.filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0] ?? null;

/**
 * The DCAT-AP catalogue of the open data on `base` (PUBLIC_BASE_URL).
 * `dates` are read from the database (openDataDates); a date that is not
 * known is left out rather than invented. `contactEmail` is the configured
 * OPEN_DATA_CONTACT_EMAIL, if any.
 */
export function dcatDocument({ base, dates, contactEmail }: { base: string; dates: OpenDataDates; contactEmail?: string }): Node {
  const agents = issuers(base);
  const contact = contactPoint(base, contactEmail);
  const issued = earliest(dates.accessions.issued, dates.progress.issued);
  const modified = latest(dates.accessions.modified, dates.progress.modified);
  const service: Node = {
    '@id': `${base}${OPENAPI_PATH}#service`,
    '@type': 'dcat:DataService',
    'dct:title': tagged('opendata.serviceTitle'),
    'dcat:endpointURL': typed(`${base}/api/v1`, 'rdfs:Resource'),
    'dcat:endpointDescription': typed(`${base}${OPENAPI_PATH}`, 'rdfs:Resource'),
    'dct:conformsTo': typed('https://spec.openapis.org/oas/v3.1.0', 'dct:Standard'),
    'dct:license': dataLicence(base),
    'dct:publisher': agents[0],
    'dcat:contactPoint': contact,
    'dcat:theme': THEMES,
    'dcat:keyword': LANGS.map((l) => ({ '@value': 'API', '@language': l })),
    'dcat:servesDataset': [id(datasetIri(base, 'accessions')), id(datasetIri(base, 'progress'))],
  };
  return {
    '@context': DCAT_CONTEXT,
    '@id': `${base}${DCAT_PATH}`,
    '@type': 'dcat:Catalog',
    'dct:title': tagged('opendata.catalogTitle'),
    'dct:description': tagged('opendata.catalogDescription'),
    'dct:publisher': agents[0],
    'foaf:homepage': typed(`${base}/lv`, 'foaf:Document'),
    'dct:language': LANGUAGES,
    'dct:license': dataLicence(base),
    'dct:spatial': LATVIA,
    'dcat:themeTaxonomy': THEME_TAXONOMY,
    ...(issued ? { 'dct:issued': dateTime(issued) } : {}),
    ...(modified ? { 'dct:modified': dateTime(modified) } : {}),
    'dcat:dataset': [dataset('accessions', base, dates.accessions, contact, agents), dataset('progress', base, dates.progress, contact, agents)],
    'dcat:service': [service],
  };
}
