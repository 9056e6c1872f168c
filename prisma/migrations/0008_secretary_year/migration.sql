-- The secretary's year (issue 13).

-- The report editor's state exactly as typed (every value a string), kept even
-- while some fields are invalid, so nothing typed is ever lost. NULL: the
-- normalised rows (ReportCommitment/Action/Indicator) are the whole truth.
ALTER TABLE "ProgressReport" ADD COLUMN "typedDraft" JSONB;

-- What was sent: a snapshot of the report at its latest submission, and the
-- one before it (a returned report resubmitted in the same revision), so
-- staff see what changed since the previous submission.
ALTER TABLE "ProgressReport" ADD COLUMN "submittedSnapshot" JSONB;
ALTER TABLE "ProgressReport" ADD COLUMN "priorSnapshot" JSONB;
