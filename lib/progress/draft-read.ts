import 'server-only';
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { requirePermission, type Actor } from '@/lib/authz';
import { reportIs } from '@/lib/authz/workflow';
import { reportSelect } from './report-read';

/**
 * One report as its editor holds it, by id, for the municipality's secretary or staff: what the autosave reads back
 * when a save is refused as stale (another tab, or the save made on leaving the page landing after this page was
 * rendered), to merge its own changes onto the report as it is now (components/progress/merge-editor-state).
 */
export async function findDraftById({ actor, reportId }: { actor: Actor | null; reportId: string }) {
  const report = await db().progressReport.findUnique({ where: { id: reportId }, select: reportSelect });
  if (!report) throw new AppError('NOT_FOUND');
  requirePermission(actor, 'progress.view-draft', { municipalityId: report.municipalityId });
  return { report, editable: reportIs('editable', report.status) };
}
