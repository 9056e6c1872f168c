-- Issue 15 (one source per fact), ADR 0190: a commitment's sentence is the memorandum text's list item
-- ("Memorandum"."textLv"/"textEn", seeded from prisma/data/memorandum.{lv,en}.md) and nothing else.
-- The copies kept beside it (seeded by hand from seed-records.json, and already different in English) go.
ALTER TABLE "Commitment" DROP COLUMN "textLv", DROP COLUMN "textEn";
