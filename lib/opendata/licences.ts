/**
 * The licences of the open data, one per part, each served by the portal
 * at a stable address (public/licences/, copies with their provenance in
 * public/licences/README.md):
 * - the records (municipalities, accessions, progress): CC BY 4.0;
 * - the boundary geometry of the GeoJSON distributions: the amCharts free
 *   licence (linkware; not an open-data licence), which must travel with it.
 */
export type Licence = {
  /** What it covers, as the GeoJSON's `licenses` key says. */
  appliesTo: 'properties' | 'geometry';
  name: string;
  /** SPDX identifier, or a LicenseRef- for one SPDX does not list. */
  spdx: string;
  /** Where the portal serves the licence text (a path under PUBLIC_BASE_URL). */
  textPath: string;
  /** The licensor's canonical address of the licence. */
  canonicalUrl: string;
  /** The attribution a re-user must show. */
  attribution: string;
  attributionUrl: string;
};

export const DATA_LICENCE: Licence = {
  appliesTo: 'properties',
  name: 'Creative Commons Attribution 4.0 International (CC BY 4.0)',
  spdx: 'CC-BY-4.0',
  textPath: '/licences/cc-by-4.0.txt',
  canonicalUrl: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: 'Source: Memorands – Latvian Association of Heads of Municipal Social Services and Latvian Association of Social Workers',
  attributionUrl: '/',
};

export const GEOMETRY_LICENCE: Licence = {
  appliesTo: 'geometry',
  name: 'Free amCharts license (linkware), amCharts 5 geodata 5.1.6; simplified boundaries, not official',
  spdx: 'LicenseRef-amCharts-Free',
  textPath: '/licences/amcharts5-geodata.md',
  canonicalUrl: 'https://github.com/amcharts/amcharts5/blob/master/LICENSE',
  attribution: 'Map data: amCharts',
  attributionUrl: 'https://www.amcharts.com/',
};

/** The EU licence vocabulary entry of CC BY 4.0, which DCAT-AP recommends for dct:license. */
export const EU_CC_BY_4 = 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0';

/** A licence as the GeoJSON foreign member `licenses` writes it, with absolute addresses on `base`. */
export function licenceJson(licence: Licence, base: string) {
  return {
    applies_to: licence.appliesTo,
    name: licence.name,
    spdx: licence.spdx,
    url: `${base}${licence.textPath}`,
    canonical_url: licence.canonicalUrl,
    attribution: licence.attribution,
    attribution_url: licence.attributionUrl.startsWith('/') ? `${base}${licence.attributionUrl}` : licence.attributionUrl,
  };
}
