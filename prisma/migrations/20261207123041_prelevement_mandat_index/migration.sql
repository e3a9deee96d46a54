-- CreateIndex
CREATE INDEX "Prelevement_mandatId_statut_idx" ON "Prelevement"("mandatId", "statut");
