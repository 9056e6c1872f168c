-- Issue 12, Deliver 6: population and ATVK codes imported by staff from the official tables, each with its citation.
ALTER TABLE "PopulationFigure" ADD COLUMN "citationId" TEXT;
ALTER TABLE "PopulationFigure" ADD CONSTRAINT "PopulationFigure_citationId_fkey" FOREIGN KEY ("citationId") REFERENCES "Citation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Municipality" ADD COLUMN "populationCitationId" TEXT;
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_populationCitationId_fkey" FOREIGN KEY ("populationCitationId") REFERENCES "Citation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Municipality" ADD COLUMN "atvkCitationId" TEXT;
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_atvkCitationId_fkey" FOREIGN KEY ("atvkCitationId") REFERENCES "Citation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
