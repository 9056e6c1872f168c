import 'server-only';
import { PDFDocument } from 'pdf-lib';
import { db } from '@/lib/db/client';
import { toCsv } from '@/lib/csv';
import { AppError } from '@/lib/errors';
import { formatDate, formatDateTime, formatMoney, translator, type Locale } from '@/lib/i18n';
import { requirePermission, type Actor } from '@/lib/authz';
import { findMemorandum } from '@/lib/memorandum/queries';
import { A4, LayoutCursor, drawFooters, footerReserve, type Margins } from '@/lib/pdf/layout';
import { embedFonts, setDocumentMetadata } from '@/lib/pdf/fonts';
import { INDICATORS, COMMITMENT_KEYS } from './indicators';
import { findPublicProgress } from './public';
import { formatIndicatorValue } from './format';
import { reportLabel, reportTitle } from './period-label';

/** The municipality's public (accepted) progress; unknown slugs are a 404. */
export async function loadPublicProgress(slug: string) {
  const m = await db().municipality.findUnique({ where: { slug }, select: { id: true, slug: true, nameLv: true } });
  if (!m) throw new AppError('NOT_FOUND');
  return { municipality: m, ...(await findPublicProgress(m.id)) };
}

/** Accepted reports as CSV (the one writer, lib/csv; one row per period × indicator; blanks stay blank). */
export async function progressCsv(slug: string): Promise<{ body: string; fileName: string }> {
  const { municipality, periods } = await loadPublicProgress(slug);
  const header = ['municipality_slug', 'term', 'year', 'revision', 'commitment', 'indicator', 'value']; // term: a year split by elections has a period in each (ADR 0215)
  const rows = periods.flatMap((p) =>
    p.report
      ? INDICATORS.map((d) => {
          const row = p.report!.indicators.find((i) => i.key === d.key);
          const value = !row
            ? ''
            : row.boolValue !== null
              ? row.boolValue
                ? 'yes'
                : 'no'
              : row.numberValue !== null
                ? row.numberValue.toString()
                : (row.textValue ?? '');
          return [municipality.slug, p.termSlug, p.year, p.report!.revision, d.commitment, d.key, value];
        })
      : [],
  );
  return { body: toCsv(header, rows), fileName: `progress-${municipality.slug}.csv` };
}

const MARGINS: Margins = { top: 56, right: 56, bottom: 40, left: 56 };

type PdfReport = {
  commitments: { commitmentKey: string; status: string; narrative: string | null }[];
  actions: { commitmentKey: string; title: string; status: string; plannedOn?: Date | null; doneOn?: Date | null; budgetEur: { toString(): string } | null }[];
  indicators: { key: string; numberValue: { toString(): string } | null; boolValue: boolean | null; textValue: string | null }[];
};

/** One report's commitments, actions (with dates) and indicators, drawn at the cursor: the one layout of the public and the submitted PDF. */
function drawReportBody(
  cursor: LayoutCursor,
  report: PdfReport,
  { fonts, locale, memo }: { fonts: Awaited<ReturnType<typeof embedFonts>>; locale: Locale; memo: Awaited<ReturnType<typeof findMemorandum>> },
) {
  const t = translator(locale);
  const body = { font: fonts.regular, size: 10 };
  for (const key of COMMITMENT_KEYS) {
    const c = report.commitments.find((x) => x.commitmentKey === key);
    const m = memo?.commitments.find((x) => x.key === key);
    cursor.moveDown(4);
    cursor.drawParagraph(`${m ? (locale === 'lv' ? m.shortLv : m.shortEn) : key}: ${t(`progress.cs_${(c?.status ?? 'NOT_STARTED') as 'NOT_STARTED'}`)}`, {
      font: fonts.bold,
      size: 10.5,
    });
    if (c?.narrative) cursor.drawParagraph(c.narrative, body);
    for (const a of report.actions.filter((x) => x.commitmentKey === key)) {
      const dates = [
        a.plannedOn ? `${t('progress.plannedOn')}: ${formatDate(locale, a.plannedOn)}` : null,
        a.doneOn ? `${t('progress.doneOn')}: ${formatDate(locale, a.doneOn)}` : null,
      ]
        .filter(Boolean)
        .join(', ');
      cursor.drawParagraph(
        `• ${a.title} — ${t(`progress.as_${a.status as 'DONE'}`)}${a.budgetEur ? `, ${formatMoney(locale, Number(a.budgetEur.toString()))}` : ''}${dates ? `; ${dates}` : ''}`,
        { ...body, indent: 10 },
      );
    }
    for (const d of INDICATORS.filter((x) => x.commitment === key)) {
      cursor.drawParagraph(`${t(`indicator.${d.key}` as 'indicator.service_budget_eur')}: ${formatIndicatorValue(locale, d.key, report.indicators)}`, {
        ...body,
        indent: 10,
      });
    }
  }
}

/**
 * One report exactly as submitted (any state), for its municipality's
 * secretary and for staff: title, state, revision, submission time, then the
 * same layout as the public PDF, and the evidence files with their sha256.
 */
export async function submittedReportPdf({
  actor,
  reportId,
  locale,
}: {
  actor: Actor | null;
  reportId: string;
  locale: Locale;
}): Promise<{ bytes: Uint8Array; fileName: string }> {
  const report = await db().progressReport.findUnique({
    where: { id: reportId },
    select: {
      municipalityId: true,
      revision: true,
      status: true,
      submittedAt: true,
      municipality: { select: { slug: true, nameLv: true } },
      period: { select: { year: true, startsOn: true, endsOn: true, term: { select: { slug: true } } } },
      commitments: { select: { commitmentKey: true, status: true, narrative: true } },
      actions: {
        orderBy: [{ commitmentKey: 'asc' }, { position: 'asc' }],
        select: { commitmentKey: true, title: true, status: true, plannedOn: true, doneOn: true, budgetEur: true },
      },
      indicators: { select: { key: true, numberValue: true, boolValue: true, textValue: true } },
      documents: { orderBy: { createdAt: 'asc' }, select: { originalName: true, sha256: true } },
    },
  });
  if (!report) throw new AppError('NOT_FOUND');
  requirePermission(actor, 'progress.view-draft', { municipalityId: report.municipalityId });
  const memo = await findMemorandum();
  const t = translator(locale);
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const title = reportTitle(locale, t, report.municipality.nameLv, { ...report.period, termSlug: report.period.term.slug });
  setDocumentMetadata(doc, { title, language: locale });
  const cursor = new LayoutCursor(doc, { pageSize: A4, margins: MARGINS, footerReserve: footerReserve() });
  const body = { font: fonts.regular, size: 10 };
  cursor.drawParagraph(title, { font: fonts.bold, size: 16 });
  cursor.moveDown(4);
  cursor.drawParagraph(
    `${t(`progress.status_${report.status}`)} · ${t('progress.revision', { n: report.revision })}${report.submittedAt ? ` · ${t('secretaryYear.submittedOn', { date: formatDateTime(locale, report.submittedAt) })}` : ''}`,
    body,
  );
  drawReportBody(cursor, report, { fonts, locale, memo });
  cursor.moveDown(8);
  cursor.drawParagraph(t('progress.evidence'), { font: fonts.bold, size: 10.5 });
  if (report.documents.length === 0) cursor.drawParagraph(t('accession.noDocuments'), body);
  for (const d of report.documents) cursor.drawParagraph(`• ${d.originalName} (sha256 ${d.sha256})`, { ...body, indent: 10 });
  drawFooters(doc, { fonts, margins: MARGINS, note: t('meta.siteTitle') });
  return {
    bytes: await doc.save(),
    fileName: `report-${report.municipality.slug}-${report.period.term.slug}-${report.period.year}-r${report.revision}-${locale}.pdf`,
  };
}

/** Accepted reports as a PDF in the chosen language (DejaVu Sans, so Latvian letters render). */
export async function progressPdf(slug: string, locale: Locale): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { municipality, periods } = await loadPublicProgress(slug);
  const memo = await findMemorandum();
  const t = translator(locale);
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  setDocumentMetadata(doc, { title: `${municipality.nameLv} — ${t('progress.reportsHeading')}`, language: locale });
  const cursor = new LayoutCursor(doc, { pageSize: A4, margins: MARGINS, footerReserve: footerReserve() });
  const h1 = { font: fonts.bold, size: 16 };
  const h2 = { font: fonts.bold, size: 12.5 };
  const body = { font: fonts.regular, size: 10 };
  cursor.drawParagraph(`${municipality.nameLv}: ${t('progress.reportsHeading')}`, h1);
  cursor.moveDown(6);
  for (const p of periods) {
    cursor.moveDown(8);
    cursor.drawParagraph(reportLabel(locale, t, p), h2);
    if (!p.report) {
      cursor.drawParagraph(p.overdue ? t('progress.publicOverdue') : !p.owed && !p.submitted ? t('reports.notOwedPublic') : t('progress.publicNone'), body);
      continue;
    }
    cursor.drawParagraph(`${t('progress.revision', { n: p.report.revision })} · ${formatDate(locale, p.report.acceptedAt)}`, body);
    drawReportBody(cursor, p.report, { fonts, locale, memo });
  }
  drawFooters(doc, { fonts, margins: MARGINS, note: t('meta.siteTitle') });
  return { bytes: await doc.save(), fileName: `progress-${municipality.slug}-${locale}.pdf` };
}
