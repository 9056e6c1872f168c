-- Signature trust (issue 11): verified copies of the Latvian trusted list, and the trust verdict of
-- every signature of a document, kept with the list it used and the time it was computed, so that
-- a newer list never silently rewrites an earlier verdict (a re-run adds rows; the newest is shown).

CREATE TABLE "TrustedList" (
    "id" TEXT NOT NULL,
    "sequenceNumber" INTEGER NOT NULL,
    "issueDate" TIMESTAMP(3) NOT NULL,
    "nextUpdate" TIMESTAMP(3),
    "sha256" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "signerSubject" TEXT NOT NULL,
    "xml" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrustedList_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "TrustedList_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$')
);
CREATE UNIQUE INDEX "TrustedList_sha256_key" ON "TrustedList"("sha256");
CREATE INDEX "TrustedList_issueDate_idx" ON "TrustedList"("issueDate");

CREATE TABLE "SignatureVerdict" (
    "id" TEXT NOT NULL,
    "documentId" TEXT NOT NULL,
    "signatureIndex" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "verdict" JSONB NOT NULL,
    "listSequenceNumber" INTEGER NOT NULL,
    "listIssueDate" TIMESTAMP(3) NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "computedById" TEXT,
    CONSTRAINT "SignatureVerdict_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SignatureVerdict_status_check" CHECK ("status" IN ('qualified_trusted', 'trusted_not_qualified', 'untrusted_issuer', 'integrity_failed', 'indeterminate')),
    CONSTRAINT "SignatureVerdict_index_check" CHECK ("signatureIndex" >= 0)
);
CREATE INDEX "SignatureVerdict_documentId_computedAt_idx" ON "SignatureVerdict"("documentId", "computedAt");
ALTER TABLE "SignatureVerdict" ADD CONSTRAINT "SignatureVerdict_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SignatureVerdict" ADD CONSTRAINT "SignatureVerdict_computedById_fkey" FOREIGN KEY ("computedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
