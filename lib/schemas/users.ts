import { z } from 'zod';
import { isStorableText, msg, zDay } from './common';
import { zVersion } from './accession';
import { ROLES } from '@/lib/authz';

/** An empty query or form value ('' from a GET form, or whitespace only) counts as absent. */
const blank = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => ((typeof v === 'string' && v.trim() === '') || v === null ? undefined : v), schema.optional());

export const zSlug = z
  .string({ error: msg('validation.required') })
  .trim()
  .min(1, { error: msg('validation.required') })
  .max(80, { error: msg('validation.tooLong', { max: 80 }) })
  .regex(/^[a-z0-9-]+$/, { error: msg('validation.invalid') });

/**
 * Body of deactivate / reactivate: the user's sessionVersion as the page
 * showed it (optional); a different current value is a 409, so two staff
 * members acting at once do not clobber each other.
 */
export const ZUserActionSchema = z.object({ version: blank(zVersion) }, { error: msg('validation.invalid') });
export type TUserAction = z.infer<typeof ZUserActionSchema>;

/** Body of "move a secretary to another municipality". */
export const ZMoveSecretarySchema = z.object({ municipalitySlug: zSlug, version: blank(zVersion) }, { error: msg('validation.invalid') });
export type TMoveSecretary = z.infer<typeof ZMoveSecretarySchema>;

export const USER_ACTIVITY = ['active', 'inactive'] as const;

/** Query string of the users page. */
export const ZUserFilterSchema = z.object(
  {
    role: blank(z.enum(ROLES, { error: msg('validation.invalid') })),
    municipality: blank(zSlug),
    active: blank(z.enum(USER_ACTIVITY, { error: msg('validation.invalid') })),
    q: blank(
      z
        .string({ error: msg('validation.invalid') })
        .trim()
        .max(100, { error: msg('validation.tooLong', { max: 100 }) })
        .refine(isStorableText, { error: msg('validation.invalid') }),
    ),
  },
  { error: msg('validation.invalid') },
);
export type TUserFilter = z.infer<typeof ZUserFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;

/**
 * Query string of the audit log. `from` and `to` are calendar days in Riga
 * time, both inclusive. An invalid value is reported to the user (the page
 * shows which filter is wrong); a bad page number falls back to 1.
 */
export const ZAuditFilterSchema = z
  .object(
    {
      actorId: blank(
        z
          .string({ error: msg('validation.invalid') })
          .trim()
          .max(64, { error: msg('validation.tooLong', { max: 64 }) })
          .regex(/^[a-z0-9]+$/i, { error: msg('validation.invalid') }),
      ),
      actorEmail: blank(
        z
          .string({ error: msg('validation.invalid') })
          .trim()
          .toLowerCase()
          .max(254, { error: msg('validation.tooLong', { max: 254 }) })
          .refine(isStorableText, { error: msg('validation.invalid') }),
      ),
      action: blank(
        z
          .string({ error: msg('validation.invalid') })
          .trim()
          .max(80, { error: msg('validation.tooLong', { max: 80 }) })
          .regex(/^[a-z][a-z0-9.-]*$/, { error: msg('validation.invalid') }),
      ),
      municipalitySlug: blank(zSlug),
      from: blank(zDay),
      to: blank(zDay),
      page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
    },
    { error: msg('validation.invalid') },
  )
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], error: msg('users.auditRangeInvalid') });
export type TAuditFilter = z.infer<typeof ZAuditFilterSchema>;
