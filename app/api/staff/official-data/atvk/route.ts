/** POST /api/staff/official-data/atvk?fileName=&tableCode=&retrievedOn=&url=  staff import the ATVK classifier (CSV from data.gov.lv); all or nothing (raw body: the file's bytes) */
import { ok, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { requirePermission } from '@/lib/authz';
import { receiveUpload } from '@/lib/http/upload';
import { ZOfficialSourceSchema } from '@/lib/schemas/official-data';
import { importAtvkClassifier, readUploadedTable } from '@/lib/official-data/import';

export const POST = route(async (request) => {
  const actor = requirePermission(await getSessionUser(), 'officialData.import');
  const source = ZOfficialSourceSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const text = await readUploadedTable(await receiveUpload(request));
  return ok(await importAtvkClassifier({ actor, text, source }), 201);
});
