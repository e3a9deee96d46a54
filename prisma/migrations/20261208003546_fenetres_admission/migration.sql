-- CreateEnum
CREATE TYPE "StatutFenetre" AS ENUM ('COLLECTE', 'ATTRIBUEE', 'ANNULEE');

-- CreateEnum
CREATE TYPE "CriterePriorite" AS ENUM ('FRATRIE', 'PARENTS_TRAVAILLENT', 'RESIDENT_COMMUNE');

-- AlterEnum
ALTER TYPE "RaisonReservation" ADD VALUE 'FENETRE';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "StatutReservation" ADD VALUE 'DEMANDEE';
ALTER TYPE "StatutReservation" ADD VALUE 'PROPOSEE';

-- AlterTable
ALTER TABLE "Reservation" ADD COLUMN     "offreExpireLe" TIMESTAMP(3),
ADD COLUMN     "rang" INTEGER;

-- CreateTable
CREATE TABLE "FenetreReservation" (
    "id" SERIAL NOT NULL,
    "libelle" TEXT NOT NULL,
    "activiteId" INTEGER NOT NULL,
    "debut" DATE NOT NULL,
    "fin" DATE NOT NULL,
    "ouverture" TIMESTAMP(3) NOT NULL,
    "fermeture" TIMESTAMP(3) NOT NULL,
    "delaiOffreHeures" INTEGER NOT NULL DEFAULT 48,
    "graine" TEXT NOT NULL,
    "statut" "StatutFenetre" NOT NULL DEFAULT 'COLLECTE',
    "attribueeLe" TIMESTAMP(3),
    "creeeParId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FenetreReservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FenetreUnite" (
    "fenetreId" INTEGER NOT NULL,
    "uniteId" INTEGER NOT NULL,

    CONSTRAINT "FenetreUnite_pkey" PRIMARY KEY ("fenetreId","uniteId")
);

-- CreateTable
CREATE TABLE "CritereFenetre" (
    "id" SERIAL NOT NULL,
    "fenetreId" INTEGER NOT NULL,
    "critere" "CriterePriorite" NOT NULL,
    "points" INTEGER NOT NULL,
    "ordre" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CritereFenetre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClassementFenetre" (
    "id" SERIAL NOT NULL,
    "fenetreId" INTEGER NOT NULL,
    "uniteId" INTEGER NOT NULL,
    "enfantId" TEXT NOT NULL,
    "familleId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "criteres" "CriterePriorite"[],
    "tirage" TEXT NOT NULL,
    "rang" INTEGER NOT NULL,
    "joursDemandes" INTEGER NOT NULL,
    "joursAttribues" INTEGER NOT NULL,
    "joursEnAttente" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassementFenetre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FenetreEvenement" (
    "id" BIGSERIAL NOT NULL,
    "fenetreId" INTEGER NOT NULL,
    "de" "StatutFenetre",
    "vers" "StatutFenetre" NOT NULL,
    "acteur" "Acteur" NOT NULL,
    "acteurId" TEXT,
    "transition" TEXT NOT NULL,
    "motif" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FenetreEvenement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FenetreReservation_activiteId_statut_idx" ON "FenetreReservation"("activiteId", "statut");

-- CreateIndex
CREATE INDEX "FenetreUnite_uniteId_idx" ON "FenetreUnite"("uniteId");

-- CreateIndex
CREATE UNIQUE INDEX "CritereFenetre_fenetreId_critere_key" ON "CritereFenetre"("fenetreId", "critere");

-- CreateIndex
CREATE INDEX "ClassementFenetre_familleId_idx" ON "ClassementFenetre"("familleId");

-- CreateIndex
CREATE UNIQUE INDEX "ClassementFenetre_fenetreId_uniteId_enfantId_key" ON "ClassementFenetre"("fenetreId", "uniteId", "enfantId");

-- CreateIndex
CREATE UNIQUE INDEX "ClassementFenetre_fenetreId_uniteId_rang_key" ON "ClassementFenetre"("fenetreId", "uniteId", "rang");

-- CreateIndex
CREATE INDEX "FenetreEvenement_fenetreId_createdAt_idx" ON "FenetreEvenement"("fenetreId", "createdAt");

-- AddForeignKey
ALTER TABLE "FenetreReservation" ADD CONSTRAINT "FenetreReservation_activiteId_fkey" FOREIGN KEY ("activiteId") REFERENCES "Activite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FenetreUnite" ADD CONSTRAINT "FenetreUnite_fenetreId_fkey" FOREIGN KEY ("fenetreId") REFERENCES "FenetreReservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FenetreUnite" ADD CONSTRAINT "FenetreUnite_uniteId_fkey" FOREIGN KEY ("uniteId") REFERENCES "Unite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CritereFenetre" ADD CONSTRAINT "CritereFenetre_fenetreId_fkey" FOREIGN KEY ("fenetreId") REFERENCES "FenetreReservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassementFenetre" ADD CONSTRAINT "ClassementFenetre_fenetreId_fkey" FOREIGN KEY ("fenetreId") REFERENCES "FenetreReservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClassementFenetre" ADD CONSTRAINT "ClassementFenetre_uniteId_fkey" FOREIGN KEY ("uniteId") REFERENCES "Unite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FenetreEvenement" ADD CONSTRAINT "FenetreEvenement_fenetreId_fkey" FOREIGN KEY ("fenetreId") REFERENCES "FenetreReservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
