import 'server-only';
import { env } from '@/lib/env';
import { dcatDocument } from './dcat';
import { publicBase } from './http';
import { openDataDates } from './queries';

/** The DCAT-AP catalogue as served: IRIs on PUBLIC_BASE_URL, dates from the database, the configured contact e-mail. */
export async function loadDcatCatalogue(): Promise<ReturnType<typeof dcatDocument>> {
  return dcatDocument({ base: publicBase(), dates: await openDataDates(), contactEmail: env.OPEN_DATA_CONTACT_EMAIL });
}
