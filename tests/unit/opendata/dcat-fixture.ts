import type { OpenDataDates } from '@/lib/opendata/queries';

/** Dates of the two datasets as the database would give them (fixed, real calendar). */
export const DATES: OpenDataDates = {
  accessions: { issued: new Date('2026-11-23T08:00:00Z'), modified: new Date('2026-11-20T10:00:00Z'), temporal: { start: '2021-07-01', end: '2029-06-30' } },
  progress: { issued: new Date('2026-03-02T09:00:00Z'), modified: new Date('2026-11-30T12:00:00Z'), temporal: { start: '2021-07-01', end: '2025-12-31' } },
};
