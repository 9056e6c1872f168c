import { z } from 'zod';
import { isStorableText, msg, zDay, zText } from './common';

/** Where an official table came from (the upload's query string): the file's name, the table's code, the day it was downloaded and its address (https). */
export const ZOfficialSourceSchema = z.object(
  {
    fileName: zText(200),
    tableCode: z
      .string({ error: msg('officialData.tableCodeInvalid') })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9_-]{2,40}$/, { error: msg('officialData.tableCodeInvalid') }),
    retrievedOn: z.string({ error: msg('validation.required') }).pipe(zDay),
    url: z
      .string({ error: msg('officialData.urlInvalid') })
      .trim()
      .max(500, { error: msg('validation.tooLong', { max: 500 }) })
      .refine(isStorableText, { error: msg('officialData.urlInvalid') })
      .pipe(z.url({ protocol: /^https$/, error: msg('officialData.urlInvalid') })),
  },
  { error: msg('validation.invalid') },
);
export type TOfficialSource = z.infer<typeof ZOfficialSourceSchema>;

/** The largest official table accepted (the ATVK classifier with its history is well under it). */
export const MAX_OFFICIAL_TABLE_BYTES = 5 * 1024 * 1024;
