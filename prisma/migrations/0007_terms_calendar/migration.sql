-- Issue 12: council terms come from the calendar; facts from outside the portal carry a citation.

-- A published source of a public fact: title, publisher, date, address or document reference, language.
CREATE TABLE "Citation" (
  "id" TEXT NOT NULL,
  "key" TEXT NOT NULL,
  "title" TEXT NOT NULL,
  "publisher" TEXT NOT NULL,
  "publishedOn" DATE,
  "url" TEXT,
  "documentRef" TEXT,
  "language" TEXT NOT NULL,
  "retrievedOn" DATE,
  "note" TEXT,
  "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT "Citation_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "Citation_language_check" CHECK ("language" IN ('lv', 'en')),
  CONSTRAINT "Citation_reference_check" CHECK ("url" IS NOT NULL OR "documentRef" IS NOT NULL)
);
CREATE UNIQUE INDEX "Citation_key_key" ON "Citation"("key");

-- A term is data: election day (null when no source states it) and the citation of its dates.
-- "openedAt" now means "reporting set up for the term" (lib/terms): the term exists by the calendar.
ALTER TABLE "CouncilTerm" ADD COLUMN "electionDay" DATE;
ALTER TABLE "CouncilTerm" ADD COLUMN "citationId" TEXT;
ALTER TABLE "CouncilTerm" ADD CONSTRAINT "CouncilTerm_citationId_fkey" FOREIGN KEY ("citationId") REFERENCES "Citation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CouncilTerm" ADD CONSTRAINT "CouncilTerm_electionDay_check" CHECK ("electionDay" IS NULL OR "electionDay" <= "endsOn");

-- An accession recorded from a published source points at it.
ALTER TABLE "Accession" ADD COLUMN "citationId" TEXT;
ALTER TABLE "Accession" ADD CONSTRAINT "Accession_citationId_fkey" FOREIGN KEY ("citationId") REFERENCES "Citation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A merger or other change of a unit cites the act that made it.
ALTER TABLE "Municipality" ADD COLUMN "changeCitationId" TEXT;
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_changeCitationId_fkey" FOREIGN KEY ("changeCitationId") REFERENCES "Citation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The accessions recorded from published sources had a "verified" event dated when the seed ran: not a real event.
DELETE FROM "AccessionEvent" WHERE "actorId" IS NULL AND "type" = 'VERIFIED' AND "reason" LIKE 'Recorded from the source document:%';

-- Boundaries per council term: a successor's territory after a merger (Madonas novads from 2025 = its 2021
-- boundary ∪ Varakļānu novads), computed when the reference data is loaded (lib/map/boundaries.ts).
CREATE TABLE "MunicipalityBoundary" (
  "municipalityId" TEXT NOT NULL,
  "termId" TEXT NOT NULL,
  "geometry" JSONB NOT NULL,
  "areaKm2" DOUBLE PRECISION,
  "derivation" TEXT,
  CONSTRAINT "MunicipalityBoundary_pkey" PRIMARY KEY ("municipalityId", "termId"),
  CONSTRAINT "MunicipalityBoundary_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "MunicipalityBoundary_termId_fkey" FOREIGN KEY ("termId") REFERENCES "CouncilTerm"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "MunicipalityBoundary_termId_idx" ON "MunicipalityBoundary"("termId");
