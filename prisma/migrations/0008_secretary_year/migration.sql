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

-- Password reset by e-mail: single use, time-limited; only the token's sha256 is stored.
CREATE TABLE "PasswordReset" (
  "id" TEXT NOT NULL,
  "userId" TEXT NOT NULL,
  "tokenHash" TEXT NOT NULL,
  "expiresAt" TIMESTAMP(3) NOT NULL,
  "usedAt" TIMESTAMP(3),
  "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "PasswordReset_tokenHash_key" ON "PasswordReset"("tokenHash");
CREATE INDEX "PasswordReset_userId_idx" ON "PasswordReset"("userId");

-- Each staff user's choice of e-mail about new submissions and resubmissions:
-- 'EVENT' (one message each), 'DIGEST' (one daily summary) or 'NONE'.
ALTER TABLE "User" ADD COLUMN "submissionMail" TEXT NOT NULL DEFAULT 'EVENT';
ALTER TABLE "User" ADD CONSTRAINT "User_submissionMail_check" CHECK ("submissionMail" IN ('EVENT', 'DIGEST', 'NONE'));
