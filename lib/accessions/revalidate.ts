import 'server-only';
import { revalidatePath, revalidateTag } from 'next/cache';
import { PUBLIC_DATA_TAG } from '@/lib/municipalities/overview';
import { publicCache } from '@/lib/public-cache/cache';
import { clearDashboardCache } from '@/lib/dashboard/cache';

/** Public pages show accession status: expire the cached public data at once after any change of status. */
export function revalidatePublic(): void {
  revalidateTag(PUBLIC_DATA_TAG, { expire: 0 });
  revalidatePath('/[locale]', 'layout');
  publicCache().clear();
  revalidateStaffViews();
}

/** Staff views that keep figures for a moment (the dashboard): after a change only staff see, e.g. a report submitted or returned. */
export function revalidateStaffViews(): void {
  clearDashboardCache();
}
