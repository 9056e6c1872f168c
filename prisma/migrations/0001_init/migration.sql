-- Foundation: municipalities, memorandum, council terms, accessions,
-- documents, users, invitations, sign-in throttling and the audit log.

CREATE TYPE "MunicipalityType" AS ENUM ('STATE_CITY', 'MUNICIPALITY');
CREATE TYPE "Role" AS ENUM ('SECRETARY', 'STAFF', 'ADMIN');
CREATE TYPE "AccessionStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'WITHDRAWN');
CREATE TYPE "SessionType" AS ENUM ('REGULAR', 'EXTRAORDINARY', 'UNSTATED');
CREATE TYPE "AccessionEventType" AS ENUM ('RECORDED', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'WITHDRAWN');
CREATE TYPE "DocumentKind" AS ENUM ('DECISION', 'ANNEX', 'EVIDENCE');

CREATE TABLE "Municipality" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "atvkCode" TEXT,
    "iso3166_2" TEXT,
    "nameLv" TEXT NOT NULL,
    "officialNameLv" TEXT NOT NULL,
    "type" "MunicipalityType" NOT NULL,
    "population" INTEGER,
    "populationYear" INTEGER,
    "populationSource" TEXT,
    "areaKm2" DOUBLE PRECISION,
    "areaSource" TEXT,
    "areaKm2Geometry" DOUBLE PRECISION,
    "boundary" JSONB,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "successorId" TEXT,
    "statusNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Municipality_population_check" CHECK ("population" IS NULL OR "population" >= 0),
    CONSTRAINT "Municipality_valid_check" CHECK ("validTo" IS NULL OR "validTo" >= "validFrom")
);
CREATE UNIQUE INDEX "Municipality_slug_key" ON "Municipality"("slug");
CREATE UNIQUE INDEX "Municipality_atvkCode_key" ON "Municipality"("atvkCode");
CREATE UNIQUE INDEX "Municipality_iso3166_2_key" ON "Municipality"("iso3166_2");
CREATE INDEX "Municipality_validFrom_validTo_idx" ON "Municipality"("validFrom", "validTo");
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "Memorandum" (
    "id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "titleLv" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "textLv" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "issuers" JSONB NOT NULL,
    "sourceNote" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Memorandum_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Memorandum_version_key" ON "Memorandum"("version");

CREATE TABLE "Commitment" (
    "id" TEXT NOT NULL,
    "memorandumId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "shortLv" TEXT NOT NULL,
    "shortEn" TEXT NOT NULL,
    "textLv" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    CONSTRAINT "Commitment_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Commitment_memorandumId_key_key" ON "Commitment"("memorandumId", "key");
CREATE UNIQUE INDEX "Commitment_memorandumId_position_key" ON "Commitment"("memorandumId", "position");
ALTER TABLE "Commitment" ADD CONSTRAINT "Commitment_memorandumId_fkey" FOREIGN KEY ("memorandumId") REFERENCES "Memorandum"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "CouncilTerm" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "startYear" INTEGER NOT NULL,
    "endYear" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "openedAt" TIMESTAMP(3),
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CouncilTerm_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "CouncilTerm_dates_check" CHECK ("endsOn" > "startsOn")
);
CREATE UNIQUE INDEX "CouncilTerm_slug_key" ON "CouncilTerm"("slug");

CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "municipalityId" TEXT,
    "passwordHash" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'lv',
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "User_secretary_municipality_check" CHECK ("role" <> 'SECRETARY' OR "municipalityId" IS NOT NULL)
);
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
ALTER TABLE "User" ADD CONSTRAINT "User_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "Accession" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "termId" TEXT NOT NULL,
    "status" "AccessionStatus" NOT NULL DEFAULT 'DRAFT',
    "councilBody" TEXT,
    "sessionDate" DATE,
    "sessionYearInferred" BOOLEAN NOT NULL DEFAULT false,
    "sessionType" "SessionType" NOT NULL DEFAULT 'UNSTATED',
    "decisionNumber" TEXT,
    "agendaItem" TEXT,
    "signatoryName" TEXT,
    "signatoryRole" TEXT,
    "source" TEXT,
    "sourceNote" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "returnReason" TEXT,
    "withdrawalReason" TEXT,
    "submittedAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Accession_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Accession_municipalityId_termId_key" ON "Accession"("municipalityId", "termId");
CREATE INDEX "Accession_termId_status_idx" ON "Accession"("termId", "status");
ALTER TABLE "Accession" ADD CONSTRAINT "Accession_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Accession" ADD CONSTRAINT "Accession_termId_fkey" FOREIGN KEY ("termId") REFERENCES "CouncilTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "AccessionEvent" (
    "id" TEXT NOT NULL,
    "accessionId" TEXT NOT NULL,
    "type" "AccessionEventType" NOT NULL,
    "reason" TEXT,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AccessionEvent_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AccessionEvent_accessionId_at_idx" ON "AccessionEvent"("accessionId", "at");
ALTER TABLE "AccessionEvent" ADD CONSTRAINT "AccessionEvent_accessionId_fkey" FOREIGN KEY ("accessionId") REFERENCES "Accession"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AccessionEvent" ADD CONSTRAINT "AccessionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "accessionId" TEXT,
    "kind" "DocumentKind" NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "mediaType" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "inspection" JSONB NOT NULL,
    "uploaderId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Document_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Document_sha256_check" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
    CONSTRAINT "Document_size_check" CHECK ("sizeBytes" > 0)
);
CREATE INDEX "Document_accessionId_idx" ON "Document"("accessionId");
CREATE INDEX "Document_sha256_idx" ON "Document"("sha256");
ALTER TABLE "Document" ADD CONSTRAINT "Document_accessionId_fkey" FOREIGN KEY ("accessionId") REFERENCES "Accession"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Document" ADD CONSTRAINT "Document_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" "Role" NOT NULL,
    "municipalityId" TEXT,
    "invitedById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "actorId" TEXT,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT,
    "municipalityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AuditEvent_action_at_idx" ON "AuditEvent"("action", "at");
CREATE INDEX "AuditEvent_subjectType_subjectId_idx" ON "AuditEvent"("subjectType", "subjectId");
CREATE INDEX "AuditEvent_municipalityId_at_idx" ON "AuditEvent"("municipalityId", "at");
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
