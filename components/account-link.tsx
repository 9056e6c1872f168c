'use client';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { usePathname } from 'next/navigation';
import type { Locale } from '@/lib/i18n';

type Me = { role: 'SECRETARY' | 'STAFF' | 'ADMIN'; name: string } | null;

/**
 * "Sign in", or a link to the signed-in user's workspace. Fetched on the
 * client so that public pages stay cacheable for everyone.
 */
export function AccountLink({ locale, labels }: { locale: Locale; labels: { signIn: string; secretary: string; staff: string } }) {
  const [me, setMe] = useState<Me>(null);
  const pathname = usePathname();
  useEffect(() => {
    let live = true;
    fetch('/api/session', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { data: Me } | null) => { if (live) setMe(body?.data ?? null); })
      .catch(() => undefined);
    return () => { live = false; };
  }, [pathname]);
  if (!me) return <Link href={`/${locale}/signin`}>{labels.signIn}</Link>;
  const href = me.role === 'SECRETARY' ? `/${locale}/secretary` : `/${locale}/staff`;
  return <Link href={href}>{me.role === 'SECRETARY' ? labels.secretary : labels.staff}</Link>;
}
