/**
 * Progress reports (lib/progress): one entry point for routes and pages,
 * split along the seams of the work: reading (./report-read), the
 * secretary's editor (./report-draft), the workflow's transitions
 * (./report-review) and evidence documents (./report-evidence).
 */
export { findLatestReport, findPeriodsOfYear, findReportForReview, listReportsForReview, listSignatoryPeriods, municipalityIdOfReport } from './report-read';
export { checkTypedDraft, openReportForEditing, saveReportDraft, saveTypedReportDraft } from './report-draft';
export { acceptReport, returnReport, submitReport, viewOfSnapshot, type ReportSnapshot } from './report-review';
export { addReportEvidence, removeReportEvidence } from './report-evidence';
