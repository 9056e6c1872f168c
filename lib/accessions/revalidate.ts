import 'server-only';
import { clearLocalCaches } from '@/lib/cache-bus/registry';

/**
 * Deprecated: clears this process's caches only. A change must call
 * `invalidateCaches(tx, 'public' | 'staff')` (lib/cache-bus/notify.ts) inside
 * its transaction, which clears here and tells every other instance after
 * commit. Kept so that code written against the old helper still compiles.
 */
export function revalidatePublic(): void {
  clearLocalCaches('public');
}

/** Deprecated: see {@link revalidatePublic}. */
export function revalidateStaffViews(): void {
  clearLocalCaches('staff');
}
