/** POST /api/password-reset  "forgot password": the same answer whether or not the address is registered (throttled) */
import { ok, parseBody, route } from '@/lib/http/route';
import { clientAddress } from '@/lib/auth/sign-in';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { ZPasswordResetRequestSchema } from '@/lib/schemas/password-reset';

export const POST = route(async (request) => {
  const { email } = await parseBody(request, ZPasswordResetRequestSchema);
  await requestPasswordReset({ email, ip: clientAddress(request) });
  return ok({ sent: true });
});
