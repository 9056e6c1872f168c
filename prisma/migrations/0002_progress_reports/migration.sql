-- Progress reports on the three commitments: reporting periods, reports with
-- revisions, per-commitment status and narrative, actions, indicators,
-- dated legal norms and population figures by year.

CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED');
CREATE TYPE "CommitmentStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED');
CREATE TYPE "ActionStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED');

CREATE TABLE "ReportingPeriod" (
    "id" TEXT NOT NULL,
    "termId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReportingPeriod_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ReportingPeriod_dates_check" CHECK ("endsOn" >= "startsOn" AND "dueOn" >= "endsOn")
);
CREATE UNIQUE INDEX "ReportingPeriod_termId_year_key" ON "ReportingPeriod"("termId", "year");
ALTER TABLE "ReportingPeriod" ADD CONSTRAINT "ReportingPeriod_termId_fkey" FOREIGN KEY ("termId") REFERENCES "CouncilTerm"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "ProgressReport" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "periodId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "returnComment" TEXT,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "submittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "supersededAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ProgressReport_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ProgressReport_revision_check" CHECK ("revision" >= 1)
);
CREATE UNIQUE INDEX "ProgressReport_municipalityId_periodId_revision_key" ON "ProgressReport"("municipalityId", "periodId", "revision");
CREATE INDEX "ProgressReport_periodId_status_idx" ON "ProgressReport"("periodId", "status");
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "ReportCommitment" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "commitmentKey" TEXT NOT NULL,
    "status" "CommitmentStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "narrative" TEXT,
    CONSTRAINT "ReportCommitment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ReportCommitment_narrative_check" CHECK ("narrative" IS NULL OR length("narrative") <= 10000)
);
CREATE UNIQUE INDEX "ReportCommitment_reportId_commitmentKey_key" ON "ReportCommitment"("reportId", "commitmentKey");
ALTER TABLE "ReportCommitment" ADD CONSTRAINT "ReportCommitment_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ReportAction" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "commitmentKey" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "status" "ActionStatus" NOT NULL DEFAULT 'PLANNED',
    "plannedOn" DATE,
    "doneOn" DATE,
    "budgetEur" DECIMAL(14,2),
    CONSTRAINT "ReportAction_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ReportAction_budget_check" CHECK ("budgetEur" IS NULL OR "budgetEur" >= 0)
);
CREATE INDEX "ReportAction_reportId_commitmentKey_position_idx" ON "ReportAction"("reportId", "commitmentKey", "position");
ALTER TABLE "ReportAction" ADD CONSTRAINT "ReportAction_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "ReportIndicator" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "numberValue" DECIMAL(16,2),
    "boolValue" BOOLEAN,
    "textValue" TEXT,
    CONSTRAINT "ReportIndicator_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ReportIndicator_reportId_key_key" ON "ReportIndicator"("reportId", "key");
ALTER TABLE "ReportIndicator" ADD CONSTRAINT "ReportIndicator_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Document" ADD COLUMN "reportId" TEXT;
CREATE INDEX "Document_reportId_idx" ON "Document"("reportId");
ALTER TABLE "Document" ADD CONSTRAINT "Document_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;

CREATE TABLE "LegalNorm" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "value" DECIMAL(10,3) NOT NULL,
    "unit" TEXT NOT NULL,
    "citation" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "note" TEXT,
    CONSTRAINT "LegalNorm_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "LegalNorm_key_validFrom_key" ON "LegalNorm"("key", "validFrom");

CREATE TABLE "PopulationFigure" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    CONSTRAINT "PopulationFigure_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PopulationFigure_value_check" CHECK ("value" >= 0)
);
CREATE UNIQUE INDEX "PopulationFigure_municipalityId_year_key" ON "PopulationFigure"("municipalityId", "year");
ALTER TABLE "PopulationFigure" ADD CONSTRAINT "PopulationFigure_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;
