/**
 * ASiC-E (.edoc / .asice / .bdoc) container branch of the upload inspection (ETSI EN 319 162-1).
 */
import { verifyXadesFile, type XadesSignatureResult } from './xades';
import { openZip, type ZipArchive, type ZipEntryInfo } from './zip-reader';
import { InspectRejection, type InspectResult, type UploadWarning } from './types';

/** ASiC-E media type, also the required content of the `mimetype` entry. */
export const ASICE_MIME = 'application/vnd.etsi.asic-e+zip';

const SIGNATURE_FILE = /^META-INF\/[^/]*signatures[^/]*\.xml$/i;
const CADES_SIGNATURE_FILE = /^META-INF\/[^/]*signature[^/]*\.p7s$/i;

/** Rejects duplicate or unsafe entry names (they make "which bytes were signed" ambiguous). */
function checkNames(entries: ZipEntryInfo[]): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.name)) throw new InspectRejection('container_malformed', `duplicate zip entry "${e.name}"`);
    if (e.name.startsWith('/') || e.name.split('/').includes('..') || e.name.includes('\\')) {
      throw new InspectRejection('container_malformed', `unsafe zip entry name "${e.name}"`);
    }
    seen.add(e.name);
  }
}

/**
 * Identifies the archive by its `mimetype` entry: plain ZIPs (no mimetype, no META-INF) are
 * `not_pdf`, other container types `unsupported_type`. Placement is checked later ({@link checkLayout}),
 * after the signatures, so that a broken signature is reported as such.
 */
async function identify(zip: ZipArchive): Promise<void> {
  const entries = zip.entries;
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (!mimetype) {
    if (entries.some((e) => e.name.startsWith('META-INF/'))) return; // an ASiC container without mimetype: checkLayout names it
    throw new InspectRejection('not_pdf', 'ZIP archive that is neither a PDF nor an ASiC-E container');
  }
  if (mimetype.uncompressedSize > 256) throw new InspectRejection('container_malformed', 'mimetype entry too long');
  const value = new TextDecoder().decode(await zip.read(mimetype)).trim();
  if (value !== ASICE_MIME) throw new InspectRejection('unsupported_type', `container mimetype "${value.slice(0, 80)}" is not ASiC-E`);
}

/** ETSI EN 319 162-1 layout: the mimetype entry exists, comes first and is stored uncompressed. */
function checkLayout(zip: ZipArchive): InspectResult | null {
  const mimetype = zip.entries.find((e) => e.name === 'mimetype');
  if (!mimetype) return { ok: false, reason: 'container_mimetype_missing', detail: 'ASiC container without the mandatory mimetype entry' };
  if (mimetype.index !== 0)
    return { ok: false, reason: 'container_mimetype_misplaced', detail: `mimetype is entry ${mimetype.index + 1} of ${zip.entries.length}, not the first` };
  if (mimetype.compressionMethod !== 0) return { ok: false, reason: 'container_mimetype_misplaced', detail: 'mimetype entry is compressed' };
  return null;
}

function isDataFile(e: ZipEntryInfo): boolean {
  return !e.isDirectory && e.name !== 'mimetype' && !e.name.startsWith('META-INF/');
}

async function readAll(zip: ZipArchive, entries: ZipEntryInfo[]): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const e of entries) out.set(e.name, await zip.read(e));
  return out;
}

async function verifySignatures(zip: ZipArchive, sigEntries: ZipEntryInfo[], files: ReadonlyMap<string, Uint8Array>): Promise<XadesSignatureResult[]> {
  const dataNames = [...files.keys()];
  const results: XadesSignatureResult[] = [];
  for (const s of sigEntries) {
    const xml = new TextDecoder().decode(await zip.read(s));
    results.push(...(await verifyXadesFile(xml, files, dataNames)));
  }
  return results;
}

/** Whole-container verdict from the per-signature results. */
function verdict(results: XadesSignatureResult[], dataNames: string[]): InspectResult | null {
  const broken = results.find((r) => r.info.integrity === 'mismatch');
  if (broken) return { ok: false, reason: 'signature_invalid', detail: broken.info.detail ?? 'signature does not verify' };
  const covered = new Set(results.flatMap((r) => r.info.coveredFiles ?? []));
  const uncovered = dataNames.filter((n) => !covered.has(n));
  if (uncovered.length > 0) return { ok: false, reason: 'signature_invalid', detail: `data file(s) not covered by any signature: ${uncovered.join(', ')}` };
  return null;
}

async function inspectOpened(zip: ZipArchive): Promise<InspectResult> {
  checkNames(zip.entries);
  await identify(zip);
  const dataEntries = zip.entries.filter(isDataFile);
  if (dataEntries.length === 0) return { ok: false, reason: 'container_malformed', detail: 'container holds no data file' };
  const dataFiles = dataEntries.map((e) => e.name);
  const files = await readAll(zip, dataEntries); // always inflate (capped): validates sizes even when unsigned
  const sigEntries = zip.entries.filter((e) => SIGNATURE_FILE.test(e.name));
  const base = { ok: true, kind: 'asice', mediaType: ASICE_MIME, dataFiles } as const;
  if (sigEntries.length === 0) {
    if (zip.entries.some((e) => CADES_SIGNATURE_FILE.test(e.name))) {
      return { ok: false, reason: 'unsupported_type', detail: 'CAdES-based ASiC-E (signature*.p7s) is not supported' };
    }
    return checkLayout(zip) ?? { ...base, warnings: ['container_unsigned'], signatures: [] };
  }
  // Signature integrity first, then the container layout (a changed data file is "signature_invalid", whatever the layout).
  const results = await verifySignatures(zip, sigEntries, files);
  const bad = verdict(results, dataFiles) ?? checkLayout(zip);
  if (bad) return bad;
  const warnings: UploadWarning[] = results.some((r) => r.timestampInvalid) ? ['timestamp_invalid'] : [];
  if (results.some((r) => r.info.integrity === 'unknown')) warnings.push('signature_unchecked');
  return { ...base, warnings, signatures: results.map((r) => r.info) };
}

/** Inspects bytes that start with a ZIP local file header. Throws only InspectRejection. */
export async function inspectZip(bytes: Uint8Array, maxBytes: number): Promise<InspectResult> {
  const zip = await openZip(bytes, maxBytes);
  try {
    return await inspectOpened(zip);
  } finally {
    zip.close();
  }
}
