/** POST /api/password-reset/confirm  a new password through the e-mailed link: once, within the hour; every session of the user ends */
import { ok, parseBody, route } from '@/lib/http/route';
import { resetPassword } from '@/lib/auth/password-reset';
import { ZPasswordResetSchema } from '@/lib/schemas/password-reset';

export const POST = route(async (request, { locale }) => {
  const input = await parseBody(request, ZPasswordResetSchema);
  await resetPassword({ input });
  return ok({ signIn: `/${locale}/signin` });
});
