/**
 * GET /api/session.css  the header's signed-in state as a tiny stylesheet: empty for visitors; for a
 * signed-in user, rules that hide "Sign in" and show the link to their workspace. Public pages stay
 * one cached HTML for everyone (no script, no cookie read in the page); only this private, uncached
 * stylesheet differs per person (see components/site-header.tsx, docs/adr/0134).
 */
import { route } from '@/lib/http/route';
import { getSessionUser } from '@/lib/auth/session';
import { isMunicipalRole } from '@/lib/authz';

export const GET = route(async () => {
  const user = await getSessionUser();
  const css = user ? `.acct-anon{display:none!important}.acct-${isMunicipalRole(user.role) ? 'secretary' : 'staff'}{display:list-item!important}\n` : '';
  return new Response(css, {
    headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff', Vary: 'Cookie' },
  });
});
