/**
 * THE CSV writer of the portal: open data (lib/opendata/formats), the staff
 * dashboard exports (lib/dashboard/export) and the public progress CSV
 * (lib/progress/export) all write through it, so every CSV file the portal
 * serves follows the same rules (docs/adr/0157-one-csv-writer.md):
 *
 * - UTF-8 with a BOM (spreadsheet programs then show Latvian letters);
 * - RFC 4180: comma separator, CRLF record ends (a final CRLF too), a field
 *   holding a comma, a quote, CR or LF in quotes, quotes doubled;
 * - text a spreadsheet would run as a formula (starting with = + - @ tab or
 *   CR, OWASP "CSV injection") gets a leading apostrophe; numbers and
 *   booleans are written as they are;
 * - null is an empty field (unknown).
 *
 * Pure: the same rows always give the same bytes (so ETags are stable).
 */

export type CsvCell = string | number | boolean | null;

export const CSV_BOM = '\uFEFF';
export const CSV_MEDIA_TYPE = 'text/csv; charset=utf-8';

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: formula-guarded text, quoted when RFC 4180 needs it. */
export function csvField(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: BOM, header row, one record per row, CRLF after every record. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One record with its CRLF, for a file written row by row (a streamed download); {@link csvStart} opens the file. */
export function csvRecord(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(',') + '\r\n';
}

/** The start of a file written row by row: the BOM and the header record; followed by one {@link csvRecord} per row, the bytes of {@link toCsv}. */
export function csvStart(header: readonly string[]): string {
  return CSV_BOM + csvRecord(header);
}
