-- CreateEnum
CREATE TYPE "StatutOperationPayfip" AS ENUM ('EN_COURS', 'PAYEE', 'REFUSEE', 'ABANDONNEE', 'EXPIREE', 'ECHEC');

-- CreateTable
CREATE TABLE "OperationPayfip" (
    "id" TEXT NOT NULL,
    "idOp" TEXT,
    "factureId" TEXT NOT NULL,
    "familleId" TEXT NOT NULL,
    "usagerId" TEXT NOT NULL,
    "montantCentimes" INTEGER NOT NULL,
    "statut" "StatutOperationPayfip" NOT NULL DEFAULT 'EN_COURS',
    "enCours" TEXT,
    "resultrans" TEXT,
    "numauto" TEXT,
    "paiementId" TEXT,
    "creeLe" TIMESTAMP(3) NOT NULL,
    "termineeLe" TIMESTAMP(3),

    CONSTRAINT "OperationPayfip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RelanceFacture" (
    "id" TEXT NOT NULL,
    "factureId" TEXT NOT NULL,
    "niveau" INTEGER NOT NULL,
    "creeLe" TIMESTAMP(3) NOT NULL,
    "parAgentId" TEXT,

    CONSTRAINT "RelanceFacture_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OperationPayfip_idOp_key" ON "OperationPayfip"("idOp");

-- CreateIndex
CREATE UNIQUE INDEX "OperationPayfip_enCours_key" ON "OperationPayfip"("enCours");

-- CreateIndex
CREATE UNIQUE INDEX "OperationPayfip_paiementId_key" ON "OperationPayfip"("paiementId");

-- CreateIndex
CREATE INDEX "OperationPayfip_statut_creeLe_idx" ON "OperationPayfip"("statut", "creeLe");

-- CreateIndex
CREATE INDEX "OperationPayfip_factureId_idx" ON "OperationPayfip"("factureId");

-- CreateIndex
CREATE UNIQUE INDEX "RelanceFacture_factureId_niveau_key" ON "RelanceFacture"("factureId", "niveau");

-- AddForeignKey
ALTER TABLE "OperationPayfip" ADD CONSTRAINT "OperationPayfip_factureId_fkey" FOREIGN KEY ("factureId") REFERENCES "Facture"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelanceFacture" ADD CONSTRAINT "RelanceFacture_factureId_fkey" FOREIGN KEY ("factureId") REFERENCES "Facture"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- An operation's amount is what PayFiP accepts (at least 1 €), and a live attempt names its own invoice
ALTER TABLE "OperationPayfip" ADD CONSTRAINT "OperationPayfip_montant_minimum" CHECK ("montantCentimes" >= 100);
ALTER TABLE "OperationPayfip" ADD CONSTRAINT "OperationPayfip_en_cours" CHECK (("statut" = 'EN_COURS') = ("enCours" IS NOT NULL) AND ("enCours" IS NULL OR "enCours" = "factureId"));
