-- Staff dashboard at scale (issue 7): aggregates, sorting and paging in SQL.

-- Latvian alphabetical order as a bytewise sort key (compared COLLATE "C"):
-- each Latvian letter, either case, becomes one ASCII byte in alphabet order
-- (a ā b c č d e ē f g ģ h i ī j k ķ l ļ m n ņ o p q r s š t u ū v w x y z ž);
-- spaces, hyphens and digits keep their (lower) codes. The embedded
-- server's ICU treats Ā as a variant of A, unlike the app's Intl.Collator('lv').
CREATE OR REPLACE FUNCTION lv_sort_key(t text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT translate(t,
    'aAāĀbBcCčČdDeEēĒfFgGģĢhHiIīĪjJkKķĶlLļĻmMnNņŅoOpPqQrRsSšŠtTuUūŪvVwWxXyYzZžŽ',
    'AABBCCDDEEFFGGHHIIJJKKLLMMNNOOPPQQRRSSTTUUVVWWXXYYZZ[[]]^^__``aabbccddeeff') $$;

-- Each municipality's latest accepted report (DISTINCT ON municipality, by year and revision).
CREATE INDEX "ProgressReport_status_municipalityId_periodId_revision_idx" ON "ProgressReport"("status", "municipalityId", "periodId", "revision");
-- Queues: submitted reports and accessions, oldest first.
CREATE INDEX "ProgressReport_status_submittedAt_idx" ON "ProgressReport"("status", "submittedAt");
CREATE INDEX "Accession_status_submittedAt_idx" ON "Accession"("status", "submittedAt");
-- Owed reports: verified accessions of a term, by municipality.
CREATE INDEX "Accession_termId_status_municipalityId_idx" ON "Accession"("termId", "status", "municipalityId");
-- Pages of municipalities in Latvian name order straight from an index (ORDER BY
-- lv_sort_key("nameLv") COLLATE "C", "nameLv" COLLATE "C", "slug" … LIMIT).
-- An expression index: not expressible in prisma/schema.prisma (noted there).
CREATE INDEX "Municipality_lv_sort_idx" ON "Municipality"((lv_sort_key("nameLv") COLLATE "C"), ("nameLv" COLLATE "C"), "slug");
