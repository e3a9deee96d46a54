-- CreateEnum
CREATE TYPE "TransmissionPrelevement" AS ENUM ('PES', 'FICHIER_SEPA');

-- CreateEnum
CREATE TYPE "StatutMandat" AS ENUM ('ACTIF', 'REVOQUE', 'CADUC', 'SUSPENDU');

-- CreateEnum
CREATE TYPE "StatutPrelevement" AS ENUM ('PREVU', 'PRESENTE', 'REJETE', 'ANNULE');

-- CreateEnum
CREATE TYPE "StatutTitre" AS ENUM ('EMIS', 'PRIS_EN_CHARGE', 'REJETE', 'RECOUVRE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ModePaiement" ADD VALUE 'PRELEVEMENT';
ALTER TYPE "ModePaiement" ADD VALUE 'COMPTABLE_PUBLIC';

-- AlterTable
ALTER TABLE "Paiement" ADD COLUMN     "rejeteLe" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ParametresPrelevement" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "actif" BOOLEAN NOT NULL DEFAULT false,
    "ics" TEXT NOT NULL DEFAULT '',
    "creancierNom" TEXT NOT NULL DEFAULT '',
    "creancierAdresse" TEXT NOT NULL DEFAULT '',
    "iban" TEXT NOT NULL DEFAULT '',
    "bic" TEXT NOT NULL DEFAULT '',
    "jourPrelevement" INTEGER NOT NULL DEFAULT 10,
    "delaiPrenotificationJours" INTEGER NOT NULL DEFAULT 14,
    "transmission" "TransmissionPrelevement" NOT NULL DEFAULT 'PES',
    "rejetsAvantSuspension" INTEGER NOT NULL DEFAULT 2,
    "versionTexte" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ParametresPrelevement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MandatSepa" (
    "id" TEXT NOT NULL,
    "rum" TEXT NOT NULL,
    "familleId" TEXT NOT NULL,
    "statut" "StatutMandat" NOT NULL DEFAULT 'ACTIF',
    "signeLe" TIMESTAMP(3) NOT NULL,
    "dernierPrelevement" DATE,
    "rejetsConsecutifs" INTEGER NOT NULL DEFAULT 0,
    "revoqueLe" TIMESTAMP(3),
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MandatSepa_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VersionMandat" (
    "id" TEXT NOT NULL,
    "mandatId" TEXT NOT NULL,
    "numero" INTEGER NOT NULL,
    "ibanChiffre" TEXT NOT NULL,
    "ibanFin" TEXT NOT NULL,
    "bic" TEXT,
    "titulaire" TEXT NOT NULL,
    "adresse" TEXT NOT NULL,
    "usagerId" TEXT NOT NULL,
    "signeLe" TIMESTAMP(3) NOT NULL,
    "adresseIp" TEXT NOT NULL,
    "methode" TEXT NOT NULL,
    "versionTexte" INTEGER NOT NULL,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VersionMandat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HistoriqueMandat" (
    "id" TEXT NOT NULL,
    "mandatId" TEXT NOT NULL,
    "de" "StatutMandat",
    "vers" "StatutMandat" NOT NULL,
    "motif" TEXT NOT NULL,
    "acteur" TEXT NOT NULL,
    "acteurId" TEXT,
    "creeLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HistoriqueMandat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunPrelevement" (
    "id" TEXT NOT NULL,
    "mois" DATE NOT NULL,
    "datePrelevement" DATE NOT NULL,
    "transmission" "TransmissionPrelevement" NOT NULL,
    "msgId" TEXT NOT NULL,
    "nombre" INTEGER NOT NULL,
    "montantCentimes" INTEGER NOT NULL,
    "parAgentId" TEXT,
    "creeLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RunPrelevement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Prelevement" (
    "id" TEXT NOT NULL,
    "runId" TEXT,
    "factureId" TEXT NOT NULL,
    "familleId" TEXT NOT NULL,
    "mandatId" TEXT NOT NULL,
    "versionNumero" INTEGER NOT NULL,
    "montantCentimes" INTEGER NOT NULL,
    "datePrelevement" DATE NOT NULL,
    "sequence" TEXT NOT NULL,
    "endToEndId" TEXT NOT NULL,
    "statut" "StatutPrelevement" NOT NULL DEFAULT 'PREVU',
    "codeRejet" TEXT,
    "motifRejet" TEXT,
    "rejeteLe" TIMESTAMP(3),
    "paiementId" TEXT,
    "creeLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Prelevement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParametresPes" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "idPost" TEXT NOT NULL DEFAULT '',
    "siret" TEXT NOT NULL DEFAULT '',
    "codCol" TEXT NOT NULL DEFAULT '',
    "codBud" TEXT NOT NULL DEFAULT '',
    "typBord" TEXT NOT NULL DEFAULT '06',
    "typPce" TEXT NOT NULL DEFAULT '15',
    "natPce" TEXT NOT NULL DEFAULT '01',
    "nature" TEXT NOT NULL DEFAULT '7067',
    "codProdLoc" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ParametresPes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BordereauPes" (
    "id" TEXT NOT NULL,
    "mois" DATE NOT NULL,
    "exer" INTEGER NOT NULL,
    "numero" INTEGER NOT NULL,
    "nomFichier" TEXT NOT NULL,
    "nombrePieces" INTEGER NOT NULL,
    "montantCentimes" INTEGER NOT NULL,
    "parAgentId" TEXT,
    "creeLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BordereauPes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TitrePes" (
    "id" TEXT NOT NULL,
    "bordereauId" TEXT NOT NULL,
    "numeroPiece" INTEGER NOT NULL,
    "factureId" TEXT,
    "avoirId" TEXT,
    "statut" "StatutTitre" NOT NULL DEFAULT 'EMIS',
    "motifRejet" TEXT,
    "majLe" TIMESTAMP(3),

    CONSTRAINT "TitrePes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MandatSepa_rum_key" ON "MandatSepa"("rum");

-- CreateIndex
CREATE INDEX "MandatSepa_familleId_statut_idx" ON "MandatSepa"("familleId", "statut");

-- CreateIndex
CREATE UNIQUE INDEX "VersionMandat_mandatId_numero_key" ON "VersionMandat"("mandatId", "numero");

-- CreateIndex
CREATE INDEX "HistoriqueMandat_mandatId_creeLe_idx" ON "HistoriqueMandat"("mandatId", "creeLe");

-- CreateIndex
CREATE UNIQUE INDEX "RunPrelevement_msgId_key" ON "RunPrelevement"("msgId");

-- CreateIndex
CREATE INDEX "RunPrelevement_mois_idx" ON "RunPrelevement"("mois");

-- CreateIndex
CREATE UNIQUE INDEX "Prelevement_endToEndId_key" ON "Prelevement"("endToEndId");

-- CreateIndex
CREATE UNIQUE INDEX "Prelevement_paiementId_key" ON "Prelevement"("paiementId");

-- CreateIndex
CREATE INDEX "Prelevement_familleId_statut_idx" ON "Prelevement"("familleId", "statut");

-- CreateIndex
CREATE INDEX "Prelevement_factureId_idx" ON "Prelevement"("factureId");

-- CreateIndex
CREATE INDEX "Prelevement_runId_idx" ON "Prelevement"("runId");

-- CreateIndex
CREATE UNIQUE INDEX "BordereauPes_nomFichier_key" ON "BordereauPes"("nomFichier");

-- CreateIndex
CREATE INDEX "BordereauPes_mois_idx" ON "BordereauPes"("mois");

-- CreateIndex
CREATE UNIQUE INDEX "BordereauPes_exer_numero_key" ON "BordereauPes"("exer", "numero");

-- CreateIndex
CREATE UNIQUE INDEX "TitrePes_factureId_key" ON "TitrePes"("factureId");

-- CreateIndex
CREATE UNIQUE INDEX "TitrePes_avoirId_key" ON "TitrePes"("avoirId");

-- CreateIndex
CREATE INDEX "TitrePes_bordereauId_idx" ON "TitrePes"("bordereauId");

-- AddForeignKey
ALTER TABLE "MandatSepa" ADD CONSTRAINT "MandatSepa_familleId_fkey" FOREIGN KEY ("familleId") REFERENCES "Famille"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VersionMandat" ADD CONSTRAINT "VersionMandat_mandatId_fkey" FOREIGN KEY ("mandatId") REFERENCES "MandatSepa"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HistoriqueMandat" ADD CONSTRAINT "HistoriqueMandat_mandatId_fkey" FOREIGN KEY ("mandatId") REFERENCES "MandatSepa"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prelevement" ADD CONSTRAINT "Prelevement_runId_fkey" FOREIGN KEY ("runId") REFERENCES "RunPrelevement"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prelevement" ADD CONSTRAINT "Prelevement_factureId_fkey" FOREIGN KEY ("factureId") REFERENCES "Facture"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prelevement" ADD CONSTRAINT "Prelevement_familleId_fkey" FOREIGN KEY ("familleId") REFERENCES "Famille"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prelevement" ADD CONSTRAINT "Prelevement_mandatId_fkey" FOREIGN KEY ("mandatId") REFERENCES "MandatSepa"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prelevement" ADD CONSTRAINT "Prelevement_paiementId_fkey" FOREIGN KEY ("paiementId") REFERENCES "Paiement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitrePes" ADD CONSTRAINT "TitrePes_bordereauId_fkey" FOREIGN KEY ("bordereauId") REFERENCES "BordereauPes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitrePes" ADD CONSTRAINT "TitrePes_factureId_fkey" FOREIGN KEY ("factureId") REFERENCES "Facture"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitrePes" ADD CONSTRAINT "TitrePes_avoirId_fkey" FOREIGN KEY ("avoirId") REFERENCES "Avoir"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
