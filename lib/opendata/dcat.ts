import { lookup, type Locale } from '@/lib/i18n';
import { GEOMETRY_LICENCE } from './licences';
import { DATA_ENDPOINTS, DCAT_PATH, OPENAPI_PATH, distributionTitleKey, type DataEndpoint } from './endpoints';

/**
 * The DCAT-AP (2.1 / 3.0) description of the open data as JSON-LD: a
 * dcat:Catalog with one dcat:Dataset, one dcat:Distribution per data endpoint
 * and a dcat:DataService for the API. Titles and descriptions come from the
 * i18n messages, tagged lv and en.
 */

const EU = 'http://publications.europa.eu/resource/authority';
const CC_BY_4 = 'http://creativecommons.org/licenses/by/4.0/';
const LANGS: readonly Locale[] = ['lv', 'en'];

type Node = { [key: string]: unknown };

const tagged = (key: string): Node[] => LANGS.map((l) => ({ '@value': lookup(l, key), '@language': l }));
const id = (uri: string): Node => ({ '@id': uri });

export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** The two issuing associations: the creators; DCAT-AP allows one publisher, the first (the heads of social services). */
const ISSUERS: Node[] = [
  { '@type': 'foaf:Organization', 'foaf:name': [{ '@value': 'Latvijas Pašvaldību sociālo dienestu vadītāju apvienība', '@language': 'lv' }, { '@value': 'Latvian Association of Heads of Municipal Social Services', '@language': 'en' }] },
  { '@type': 'foaf:Organization', 'foaf:name': [{ '@value': 'Latvijas sociālo darbinieku biedrība', '@language': 'lv' }, { '@value': 'Latvian Association of Social Workers', '@language': 'en' }] },
];

/** Accession records: CC BY 4.0. Geometry: amCharts linkware (the GeoJSON distributions carry both). */
function licenceOf(e: DataEndpoint, origin: string): Node {
  if (e.format !== 'geojson') return id(CC_BY_4);
  return {
    '@id': `${origin}${GEOMETRY_LICENCE.textPath}`,
    '@type': 'dct:LicenseDocument',
    'rdfs:label': [
      { '@value': 'Īpašības: CC BY 4.0; robežu ģeometrija: amCharts bezmaksas “linkware” licence , atsauce “Kartes dati: amCharts” ar saiti uz amcharts.com.', '@language': 'lv' },
      { '@value': 'Properties: CC BY 4.0; boundary geometry: amCharts free linkware licence , attribution "Map data: amCharts" with a link to amcharts.com.', '@language': 'en' },
    ],
    'rdfs:seeAlso': id('https://www.amcharts.com/'),
  };
}

function distribution(e: DataEndpoint, origin: string, modified: Node | undefined): Node {
  const url = `${origin}${e.path}`;
  return {
    '@id': `${url}#distribution`,
    '@type': 'dcat:Distribution',
    'dct:title': tagged(distributionTitleKey(e)),
    'dcat:accessURL': id(url),
    'dcat:downloadURL': id(url),
    'dcat:mediaType': id(`http://www.iana.org/assignments/media-types/${e.mediaType}`),
    'dct:format': id(`${EU}/file-type/${e.euFileType}`),
    'dct:license': licenceOf(e, origin),
    'dcat:accessService': id(`${origin}${OPENAPI_PATH}#service`),
    ...(modified ? { 'dct:modified': modified } : {}),
  };
}

/**
 * The DCAT-AP catalogue of the open data at `origin`; `modified` is the
 * latest change of the public data (dct:modified, xsd:dateTime).
 */
export function dcatDocument({ origin, modified }: { origin: string; modified: Date | null }): Node {
  const modifiedNode = modified ? { '@value': modified.toISOString(), '@type': 'xsd:dateTime' } : undefined;
  const service: Node = {
    '@id': `${origin}${OPENAPI_PATH}#service`,
    '@type': 'dcat:DataService',
    'dct:title': tagged('opendata.serviceTitle'),
    'dcat:endpointURL': id(`${origin}/api/v1`),
    'dcat:endpointDescription': id(`${origin}${OPENAPI_PATH}`),
    'dct:conformsTo': id('https://spec.openapis.org/oas/v3.1.0'),
    'dct:license': id(CC_BY_4),
    'dcat:servesDataset': id(`${origin}${DCAT_PATH}#dataset`),
  };
  const dataset: Node = {
    '@id': `${origin}${DCAT_PATH}#dataset`,
    '@type': 'dcat:Dataset',
    'dct:title': tagged('opendata.datasetTitle'),
    'dct:description': tagged('opendata.datasetDescription'),
    'dct:publisher': ISSUERS[0]!,
    'dct:creator': ISSUERS,
    'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': 'Memorands', 'vcard:hasURL': id(`${origin}/lv/data`) },
    'dcat:keyword': LANGS.flatMap((l) => lookup(l, 'opendata.keywords').split(',').map((k) => ({ '@value': k.trim(), '@language': l }))),
    'dcat:theme': [id(`${EU}/data-theme/SOCI`), id(`${EU}/data-theme/GOVE`)],
    'dct:spatial': id(`${EU}/country/LVA`),
    'dct:language': [id(`${EU}/language/LAV`), id(`${EU}/language/ENG`)],
    'dct:accrualPeriodicity': id(`${EU}/frequency/IRREG`),
    'dct:license': id(CC_BY_4),
    'dct:rights': tagged('opendata.rightsStatement'),
    'dcat:landingPage': id(`${origin}/lv/data`),
    'foaf:page': [id(`${origin}/lv/data`), id(`${origin}/en/data`)],
    ...(modifiedNode ? { 'dct:modified': modifiedNode } : {}),
    'dcat:distribution': DATA_ENDPOINTS.map((e) => distribution(e, origin, modifiedNode)),
  };
  return {
    '@context': DCAT_CONTEXT,
    '@id': `${origin}${DCAT_PATH}`,
    '@type': 'dcat:Catalog',
    'dct:title': tagged('opendata.catalogTitle'),
    'dct:description': tagged('opendata.catalogDescription'),
    'dct:publisher': ISSUERS[0]!,
    'foaf:homepage': id(`${origin}/lv`),
    'dct:language': [id(`${EU}/language/LAV`), id(`${EU}/language/ENG`)],
    'dct:license': id(CC_BY_4),
    ...(modifiedNode ? { 'dct:modified': modifiedNode } : {}),
    'dcat:dataset': [dataset],
    'dcat:service': [service],
  };
}
