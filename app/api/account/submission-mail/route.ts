/** PUT /api/account/submission-mail  a staff user chooses e-mail about new submissions: EVENT, DIGEST or NONE */
import { ok, parseBody, route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { setSubmissionMailMode } from '@/lib/mail/staff';
import { ZSubmissionMailSchema } from '@/lib/schemas/notifications';

export const PUT = route(async (request) => {
  const actor = await getSessionUser();
  const { mode } = await parseBody(request, ZSubmissionMailSchema);
  return ok(await setSubmissionMailMode({ actor, mode }));
});
