import 'server-only';
import writeExcelFile, { type Cell as XlsxCell, type SheetData } from 'write-excel-file/node';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { translator, type Locale, type Translate } from '@/lib/i18n';
import { CSV_MEDIA_TYPE, toCsv } from '@/lib/csv';
import { commitmentTitles } from '@/lib/memorandum/queries';
import { ZExportNameSchema, type TDashboardQuery } from '@/lib/schemas/dashboard';
import { loadCommitmentMatrix, type CommitmentMatrix } from './matrix';
import { loadIndicatorComparison, type IndicatorComparison, type IndicatorRow } from './indicators';
import { now as clockNow } from '@/lib/clock';

/**
 * The dashboard's downloads: the commitments matrix and the indicator
 * comparison as CSV (the one writer, lib/csv: RFC 4180 with a UTF-8 BOM)
 * and XLSX (write-excel-file). Both formats come from one sheet definition,
 * so they hold the same cells: numbers as numbers, unknowns as empty cells,
 * headers in the requested language.
 */

export type SheetValue = string | number | null;
export type SheetColumn = { header: string; width?: number; format?: string };
export type ExportSheet = { name: string; columns: SheetColumn[]; rows: SheetValue[][] };

const round = (value: number | null, digits: number) => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** Pure: the matrix rows as a sheet (commitment cells are status labels; empty without an accepted report). */
export function matrixSheet(matrix: CommitmentMatrix, locale: Locale): ExportSheet {
  const t = translator(locale);
  const titles = commitmentTitles({ commitments: matrix.commitments }, locale);
  return {
    name: t('dashboard.sheetMatrix'),
    columns: [
      { header: t('dashboard.xSlug'), width: 24 },
      { header: t('dashboard.xMunicipality'), width: 30 },
      { header: t('dashboard.xType'), width: 14 },
      { header: t('dashboard.xStatus'), width: 24 },
      { header: t('dashboard.xReportYear'), width: 12 },
      { header: t('dashboard.xRevision'), width: 10 },
      ...matrix.commitments.map((c) => ({ header: titles[c.key] ?? c.key, width: 24 })),
    ],
    rows: matrix.rows.map((r) => [
      r.slug,
      r.nameLv,
      t(`municipalityType.${r.type}`),
      t(`status.${r.status}`),
      r.report?.year ?? null,
      r.report?.revision ?? null,
      ...matrix.commitments.map((c) => {
        const s = r.cells[c.key];
        return s ? t(`progress.cs_${s}`) : null;
      }),
    ]),
  };
}

/** The comparison as text: below / at / above, or why it is unknown. */
export function comparisonText(row: IndicatorRow, t: Translate): string {
  if (row.comparison) return t(`dashboard.cmp${row.comparison}`);
  if (row.ratioUnknown === 'NO_POPULATION') return t('dashboard.whyNO_POPULATION', { year: row.report?.year ?? '' });
  if (row.ratioUnknown) return t(`dashboard.why${row.ratioUnknown}`);
  return t('dashboard.whyNO_NORM');
}

/** Pure: the indicator comparison as a sheet. */
export function indicatorSheet(comparison: IndicatorComparison, locale: Locale): ExportSheet {
  const t = translator(locale);
  const pay = comparison.hasPayIndicator;
  return {
    name: t('dashboard.sheetIndicators'),
    columns: [
      { header: t('dashboard.xSlug'), width: 24 },
      { header: t('dashboard.xMunicipality'), width: 30 },
      { header: t('dashboard.xReportYear'), width: 12 },
      { header: t('dashboard.xRevision'), width: 10 },
      { header: t('dashboard.xSpecialists'), width: 16, format: '0.00' },
      { header: t('dashboard.xPopulation'), width: 14, format: '#,##0' },
      { header: t('dashboard.xPerThousand'), width: 18, format: '0.000' },
      { header: t('dashboard.xNorm'), width: 18, format: '0.000' },
      { header: t('dashboard.xComparison'), width: 36 },
      ...(pay ? [{ header: t('dashboard.xPay'), width: 16, format: '#,##0.00' }] : []),
    ],
    rows: comparison.rows.map((r) => [
      r.slug,
      r.nameLv,
      r.report?.year ?? null,
      r.report?.revision ?? null,
      r.specialistsFte,
      r.population,
      round(r.perThousand, 3),
      r.norm?.value ?? null,
      comparisonText(r, t),
      ...(pay ? [r.avgPayEur] : []),
    ]),
  };
}

/** CSV: UTF-8 with BOM, comma-separated, CRLF, header row, formula-safe (lib/csv). */
export function sheetToCsv(sheet: ExportSheet): string {
  return toCsv(
    sheet.columns.map((c) => c.header),
    sheet.rows,
  );
}

/** XLSX: bold, frozen header row; numbers as numeric cells; unknowns as empty cells. */
export async function sheetToXlsx(sheet: ExportSheet): Promise<Buffer> {
  const data: SheetData = [
    sheet.columns.map((c): XlsxCell => ({ value: c.header, fontWeight: 'bold' })),
    ...sheet.rows.map((row) =>
      row.map((value, i): XlsxCell => {
        if (value === null) return null;
        if (typeof value === 'number') return { value, type: Number, ...(sheet.columns[i]?.format ? { format: sheet.columns[i].format } : {}) };
        return { value, type: String };
      }),
    ),
  ];
  // Excel allows 31 characters and no []:*?/\ in a sheet name.
  const name = sheet.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  return writeExcelFile(data, { sheet: name, columns: sheet.columns.map((c) => ({ width: c.width })), stickyRowsCount: 1 }).toBuffer();
}

export type ExportFile = { body: Uint8Array<ArrayBuffer> | string; contentType: string; fileName: string };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * One staff download by name (matrix.csv, matrix.xlsx, indicators.csv,
 * indicators.xlsx) for the current term; the matrix follows the dashboard's
 * filters and sorting. Unknown names are a 404.
 */
export async function buildDashboardExport({
  actor,
  name,
  locale,
  query,
  now = clockNow(),
}: {
  actor: Actor | null;
  name: string;
  locale: Locale;
  query: TDashboardQuery;
  now?: Date;
}): Promise<ExportFile> {
  requirePermission(actor, 'dashboard.export');
  const parsed = ZExportNameSchema.safeParse(name);
  if (!parsed.success) throw new AppError('NOT_FOUND', 'dashboard.exportUnknown');
  const [what, format] = parsed.data.split('.') as ['matrix' | 'indicators', 'csv' | 'xlsx'];
  // Every row (not the page's): one query each, sorted and filtered in the database.
  const data = what === 'matrix' ? await loadCommitmentMatrix({ actor, query, pageSize: null }) : await loadIndicatorComparison({ actor, now, pageSize: null });
  if (!data) throw new AppError('NOT_FOUND', 'dashboard.noTerm');
  const sheet = what === 'matrix' ? matrixSheet(data as CommitmentMatrix, locale) : indicatorSheet(data as IndicatorComparison, locale);
  const fileName = `memorands-${what}-${data.term.slug}-${locale}.${format}`;
  return format === 'csv'
    ? { body: sheetToCsv(sheet), contentType: CSV_MEDIA_TYPE, fileName }
    : { body: new Uint8Array(await sheetToXlsx(sheet)), contentType: XLSX_TYPE, fileName };
}
