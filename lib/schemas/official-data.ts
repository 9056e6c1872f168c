import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'officialData.retrievedOnInvalid').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'officialData.retrievedOnInvalid');

/** Where an official table came from (the upload's query string): its code, the address and the day it was downloaded. */
export const ZOfficialSourceSchema = z.object({
  fileName: z.string().trim().min(1, 'officialData.fileMissing').max(200),
  tableCode: z.string().trim().toUpperCase().regex(/^[A-Z0-9_-]{2,40}$/, 'officialData.tableCodeInvalid'),
  retrievedOn: isoDay,
  url: z.string().trim().url('officialData.urlInvalid').max(500).refine((v) => /^https:\/\//.test(v), 'officialData.urlInvalid'),
});
export type TOfficialSource = z.infer<typeof ZOfficialSourceSchema>;

/** The largest official table accepted (the ATVK classifier with its history is well under it). */
export const MAX_OFFICIAL_TABLE_BYTES = 5 * 1024 * 1024;
