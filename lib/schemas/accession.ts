import { z } from 'zod';
import { isCalendarDay, isStorableText, msg, zOptionalText, zText } from './common';
import { normaliseDayInput } from './day-input';

/**
 * Calendar date 'YYYY-MM-DD' (also typed '22.07.2021'), a real date, not in
 * the future, not before the memorandum (2021). One error per field: each
 * check stops the ones after it (an empty date is "required", only).
 */
export const zSessionDate = z
  .string({ error: msg('validation.required') })
  .transform(normaliseDayInput)
  .pipe(
    z
      .string()
      .min(1, { error: msg('validation.required'), abort: true })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg('validation.date'), abort: true })
      .refine(isCalendarDay, { error: msg('validation.dateNotExist'), abort: true })
      .refine((v) => v >= '2021-01-01', { error: msg('validation.dateTooEarly'), abort: true })
      .refine((v) => v <= new Date().toISOString().slice(0, 10), { error: msg('validation.futureDate') }),
  );

export const SESSION_TYPES = ['REGULAR', 'EXTRAORDINARY'] as const;

/** The council decision to join, as the secretary records it (form and server share it). */
export const ZRecordDecisionSchema = z.object(
  {
    councilBody: zText(200),
    sessionDate: zSessionDate,
    sessionType: z.enum(SESSION_TYPES, { error: msg('validation.required') }),
    decisionNumber: zText(100),
    agendaItem: zOptionalText(500),
    signatoryName: zText(120),
    signatoryRole: zText(200),
  },
  { error: msg('validation.invalid') },
);
export type TRecordDecision = z.infer<typeof ZRecordDecisionSchema>;

export const zVersion = z.coerce
  .number({ error: msg('validation.invalid') })
  .int()
  .min(1)
  .max(1_000_000);

export const ZVerifySchema = z.object({ version: zVersion }, { error: msg('validation.invalid') });
export const ZReasonSchema = z.object({ version: zVersion, reason: zText(2000) }, { error: msg('validation.invalid') });
export type TReason = z.infer<typeof ZReasonSchema>;

export const DOCUMENT_KINDS = ['DECISION', 'ANNEX'] as const;
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;
export const ZUploadQuerySchema = z.object(
  {
    kind: z.enum(DOCUMENT_KINDS, { error: msg('validation.invalid') }),
    // Note: no control characters (CR/LF have no place in a file name) and nothing PostgreSQL refuses.
    name: z
      .string({ error: msg('validation.required') })
      .trim()
      .min(1, { error: msg('validation.required') })
      .max(255, { error: msg('validation.tooLong', { max: 255 }) })
      .regex(NO_CONTROL_CHARACTERS, { error: msg('validation.invalid') })
      .refine(isStorableText, { error: msg('validation.invalid') }),
  },
  { error: msg('validation.invalid') },
);
