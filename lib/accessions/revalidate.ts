import 'server-only';
import { revalidatePath } from 'next/cache';

/** Public pages show accession status; refresh them after a public change. */
export function revalidatePublic(): void {
  revalidatePath('/[locale]', 'layout');
}
