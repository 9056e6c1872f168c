import type { Widen } from '../lv';

/** More UI strings of the open data (licences served, progress reports as open data); merged into `opendata`. en must have every key of lv. */
const lv = {
  licenceDataText: 'CC BY 4.0 licences teksts šajā portālā',
  licenceGeometryText: 'amCharts licences teksts šajā portālā (tam jāpievienojas ģeometrijai)',
  geometryOrientation: 'GeoJSON ģeometrija atbilst RFC 7946: ārējie riņķi ir pretēji pulksteņrādītāja virzienam, caurumi – pulksteņrādītāja virzienā. Katrā GeoJSON datnē lauks licenses nosauc katras daļas licenci un tās teksta adresi.',
};

const en: Widen<typeof lv> = {
  licenceDataText: 'CC BY 4.0 licence text on this portal',
  licenceGeometryText: 'amCharts licence text on this portal (it must travel with the geometry)',
  geometryOrientation: 'GeoJSON geometry follows RFC 7946: exterior rings are counter-clockwise, holes clockwise. In every GeoJSON file the licenses member names the licence of each part and the address of its text.',
};

export const opendataMessages = { lv, en };
