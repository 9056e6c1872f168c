import { z } from 'zod';
import { msg, zText } from './common';
import { zVersion } from './accession';

export const ZReportVersionSchema = z.object({ version: zVersion }, { error: msg('validation.invalid') });
export const ZReportReturnSchema = z.object({ version: zVersion, reason: zText(5000) }, { error: msg('validation.invalid') });
export const zReportYear = z.coerce
  .number({ error: msg('validation.invalid') })
  .int()
  .min(2021)
  .max(2100);
