-- Scale (issue 7, bench/seed-scale.ts + bench/run.ts): documents are always
-- read in creation order, per accession (municipality page, open data) or
-- per report (public progress). With the order in the index the rows come
-- out sorted (no sort step); the lookups by accession or report alone use
-- the same indexes, so the single-column ones are replaced.

DROP INDEX "Document_accessionId_idx";
CREATE INDEX "Document_accessionId_createdAt_id_idx" ON "Document"("accessionId", "createdAt", "id");

DROP INDEX "Document_reportId_idx";
CREATE INDEX "Document_reportId_createdAt_idx" ON "Document"("reportId", "createdAt");
