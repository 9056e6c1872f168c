import type { Prisma } from '@/lib/generated/prisma/client';

/** A plain-data copy of a value for a JSON column (Dates become ISO strings, undefined fields drop). */
export function toJsonValue(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
