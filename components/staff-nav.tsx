import Link from 'next/link';
import { can, type Actor, type Permission } from '@/lib/authz';
import type { Translate } from '@/lib/i18n';

const ITEMS = [
  { key: 'dashboard', href: '/staff', label: 'staff.navDashboard', permission: 'staff.view' },
  { key: 'users', href: '/staff/users', label: 'staff.navUsers', permission: 'user.list' },
  { key: 'audit', href: '/staff/audit', label: 'staff.navAudit', permission: 'audit.view' },
  { key: 'reporting', href: '/staff/reporting', label: 'staff.navReporting', permission: 'reporting.manage' },
  { key: 'terms', href: '/staff/terms', label: 'staff.navTerms', permission: 'term.manage' },
  { key: 'officialData', href: '/staff/official-data', label: 'officialData.title', permission: 'officialData.import' },
  { key: 'outbox', href: '/staff/outbox', label: 'staff.navOutbox', permission: 'outbox.view' },
] as const satisfies readonly { key: string; href: string; label: Parameters<Translate>[0]; permission: Permission }[];

export type StaffSection = (typeof ITEMS)[number]['key'];

/** The workspace's section navigation; shows only the sections lib/authz allows the user. */
export function StaffNav({ locale, user, current, t }: { locale: string; user: Actor; current: StaffSection; t: Translate }) {
  return (
    <nav aria-label={t('staff.navLabel')} className="border-b border-gray-300 pb-2">
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        {ITEMS.filter((i) => can(user, i.permission)).map((i) => (
          <li key={i.key}>
            <Link
              href={`/${locale}${i.href}`}
              aria-current={i.key === current ? 'page' : undefined}
              className={i.key === current ? 'font-semibold' : undefined}
            >
              {t(i.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
