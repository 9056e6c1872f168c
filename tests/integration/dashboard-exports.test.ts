/** The staff dashboard: one set of figures, paging in SQL, CSV and XLSX exports (split from dashboard.test.ts, same setup). */

import { beforeEach, describe, expect, it } from 'vitest';
import { readSheet } from 'read-excel-file/node';

import { LV_COLLATOR } from '@/lib/municipalities/queries';

import { loadCommitmentMatrix } from '@/lib/dashboard/matrix';
import { loadIndicatorComparison } from '@/lib/dashboard/indicators';
import { loadWorkQueues } from '@/lib/dashboard/queues';
import { loadDashboard } from '@/lib/dashboard/dashboard';
import { buildDashboardExport } from '@/lib/dashboard/export';
import { DEFAULT_DASHBOARD_QUERY, parseDashboardQuery } from '@/lib/schemas/dashboard';
import { lookup } from '@/lib/i18n';
import { parseCsv } from '../unit/opendata/csv-parse';
import { actorOf, createUser, resetDatabase } from './db-utils';

import { NOW, seedKnownData, staffActor, slugs } from './support/dashboard';

describe('staff dashboard', () => {
  beforeEach(async () => {
    await resetDatabase();
    await seedKnownData();
  });

  it('loadDashboard shares one set of figures between the headline, the queues and the joins', async () => {
    const d = await loadDashboard({ actor: await staffActor(), now: NOW, query: DEFAULT_DASHBOARD_QUERY });
    expect(d.metrics!.overdue).toBe(d.queues.totals.overdue);
    expect(d.metrics!.dueSoon).toBe(d.queues.totals.dueSoon);
    expect(d.metrics!.awaiting).toBe(d.queues.totals.verifications);
    expect(d.queues.overdue).toHaveLength(d.queues.totals.overdue);
    expect(d.joins!.total).toBe(d.metrics!.joined);
    expect(d.matrix!.rows).toHaveLength(d.matrixTotal);
    expect(d.matrix).toMatchObject({ total: 43, matched: 43, page: 1, pageSize: 50 });
  });

  it('matrix and indicators are paged in SQL: the pages put together are the whole sorted list; queues are limited with their totals', async () => {
    const staff = await staffActor();
    // SQL name order (lv_sort_key) is the app's Latvian collation.
    const names = (await loadCommitmentMatrix({ actor: staff, pageSize: null }))!.rows.map((r) => r.nameLv);
    expect(names).toEqual([...names].sort(LV_COLLATOR.compare));
    const query = parseDashboardQuery({ sort: 'status', dir: 'desc' });
    const all = slugs(await loadCommitmentMatrix({ actor: staff, query, pageSize: null }));
    const pages = await Promise.all([1, 2, 3, 4, 5].map((page) => loadCommitmentMatrix({ actor: staff, query, page, pageSize: 10 })));
    expect(pages.flatMap((p) => slugs(p))).toEqual(all);
    expect(pages[4]).toMatchObject({ total: 43, matched: 43, page: 5, pageSize: 10 });
    expect(pages[4]!.rows).toHaveLength(3);
    const ind = await loadIndicatorComparison({ actor: staff, now: NOW, page: 2, pageSize: 2 });
    expect(ind!.rows.map((r) => r.slug)).toEqual(['ogres-novads', 'riga']);
    expect(ind!.matched).toBe(5);
    const q = await loadWorkQueues({ actor: staff, now: NOW, limit: 3 });
    expect(q.overdue.map((d) => `${d.year}:${d.municipality.slug}`)).toEqual(['2021:jekabpils-novads', '2022:jekabpils-novads', '2023:liepaja']);
    expect(q.totals).toEqual({ verifications: 1, reviews: 1, returned: 2, dueSoon: 3, overdue: 4 });
  });

  it('exports the matrix and the indicators as CSV and XLSX with the same cells', async () => {
    const staff = await staffActor();
    const query = parseDashboardQuery({ status: 'VERIFIED', sort: 'c1', dir: 'desc' });
    const matrix = (await loadCommitmentMatrix({ actor: staff, query }))!;

    const csv = await buildDashboardExport({ actor: staff, name: 'matrix.csv', locale: 'lv', query, now: NOW });
    expect(csv).toMatchObject({ contentType: 'text/csv; charset=utf-8', fileName: 'memorands-matrix-2021-2025-lv.csv' });
    expect(typeof csv.body === 'string' && csv.body.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv((csv.body as string).slice(1));
    expect(rows[0]).toEqual([
      'Identifikators',
      'Pašvaldība',
      'Veids',
      'Dalības statuss',
      'Ziņojuma gads',
      'Redakcija',
      '1. Resursi',
      '2. Darbinieku attīstība un atalgojums',
      '3. Starpinstitūciju sadarbība',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(matrix.rows.map((r) => r.slug));
    const liepaja = rows.find((r) => r[0] === 'liepaja')!;
    expect(liepaja).toEqual(['liepaja', 'Liepāja', 'valstspilsēta', 'Pievienojusies', '2022', '2', 'Sasniegts', 'Sasniegts', 'Tiek īstenots']);
    expect(rows.find((r) => r[0] === 'ogres-novads')!.slice(4)).toEqual(['', '', '', '', '']);

    const xlsx = await buildDashboardExport({ actor: staff, name: 'matrix.xlsx', locale: 'en', query, now: NOW });
    expect(xlsx).toMatchObject({
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      fileName: 'memorands-matrix-2021-2025-en.xlsx',
    });
    const sheet = await readSheet(Buffer.from(xlsx.body as Uint8Array));
    expect(sheet[0]!.slice(0, 6)).toEqual(['Identifier', 'Municipality', 'Type', 'Membership status', 'Report year', 'Revision']);
    expect(sheet.slice(1).map((r) => r[0])).toEqual(matrix.rows.map((r) => r.slug));
    const lx = sheet.find((r) => r[0] === 'liepaja')!;
    expect(lx.slice(3, 9)).toEqual([
      'Joined',
      2022,
      2,
      lookup('en', 'progress.cs_ACHIEVED'),
      lookup('en', 'progress.cs_ACHIEVED'),
      lookup('en', 'progress.cs_IN_PROGRESS'),
    ]);
    for (const r of matrix.rows) {
      const x = sheet.find((s) => s[0] === r.slug)!;
      expect(x[4] ?? null).toBe(r.report?.year ?? null);
      expect(x.slice(6).map((v) => v ?? null)).toEqual(matrix.commitments.map((c) => (r.cells[c.key] ? lookup('en', `progress.cs_${r.cells[c.key]}`) : null)));
    }

    const icsv = await buildDashboardExport({ actor: staff, name: 'indicators.csv', locale: 'lv', query: DEFAULT_DASHBOARD_QUERY, now: NOW });
    const irows = parseCsv((icsv.body as string).slice(1));
    expect(irows[0]).toEqual([
      'Identifikators',
      'Pašvaldība',
      'Ziņojuma gads',
      'Redakcija',
      'Sociālā darba speciālisti, slodzes',
      'Iedzīvotāji',
      'Speciālisti uz 1 000 iedzīvotājiem',
      'Likumā noteiktais minimums uz 1 000 iedzīvotājiem',
      'Salīdzinājumā ar minimumu',
      'Vidējā bruto mēnešalga, EUR',
    ]);
    expect(irows.find((r) => r[0] === 'liepaja')).toEqual(['liepaja', 'Liepāja', '2022', '2', '45', '60000', '0.75', '1', 'zem minimuma', '1300.5']);
    expect(irows.find((r) => r[0] === 'riga')).toEqual([
      'riga',
      'Rīga',
      '2022',
      '1',
      '120',
      '',
      '',
      '1',
      'nav zināms: nav iedzīvotāju skaita par 2022. gadu',
      '',
    ]);

    const ixlsx = await buildDashboardExport({ actor: staff, name: 'indicators.xlsx', locale: 'lv', query: DEFAULT_DASHBOARD_QUERY, now: NOW });
    const isheet = await readSheet(Buffer.from(ixlsx.body as Uint8Array));
    expect(isheet.find((r) => r[0] === 'liepaja')).toEqual(['liepaja', 'Liepāja', 2022, 2, 45, 60000, 0.75, 1, 'zem minimuma', 1300.5]);
    const rx = isheet.find((r) => r[0] === 'riga')!;
    expect([rx[5] ?? null, rx[6] ?? null, rx[9] ?? null]).toEqual([null, null, null]);
    expect(isheet).toHaveLength(irows.length);

    await expect(buildDashboardExport({ actor: staff, name: 'matrix.pdf', locale: 'lv', query, now: NOW })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      messageKey: 'dashboard.exportUnknown',
    });
    const secretary = actorOf(await createUser({ role: 'SECRETARY', municipalitySlug: 'liepaja' }));
    await expect(buildDashboardExport({ actor: secretary, name: 'matrix.csv', locale: 'lv', query, now: NOW })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
