-- CreateEnum
CREATE TYPE "ModaliteQuotient" AS ENUM ('FRANCECONNECT', 'IDENTITE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TypeDemande" ADD VALUE 'AJOUT_ENFANT';
ALTER TYPE "TypeDemande" ADD VALUE 'AJOUT_CO_REPRESENTANT';
ALTER TYPE "TypeDemande" ADD VALUE 'RETRAIT_CO_REPRESENTANT';
ALTER TYPE "TypeDemande" ADD VALUE 'CONTACTS_HABILITATIONS';
ALTER TYPE "TypeDemande" ADD VALUE 'TRANSPORT_SCOLAIRE';

-- AlterTable
ALTER TABLE "Commune" ADD COLUMN     "transportOperateur" TEXT;

-- AlterTable
ALTER TABLE "Famille" ADD COLUMN     "consentementQfLe" TIMESTAMP(3),
ADD COLUMN     "consentementQfParId" TEXT;

-- AlterTable
ALTER TABLE "QuotientFamilial" ADD COLUMN     "annee" INTEGER,
ADD COLUMN     "modalite" "ModaliteQuotient",
ADD COLUMN     "mois" INTEGER;

-- AlterTable
ALTER TABLE "Representant" ADD COLUMN     "codeInseeNaissance" TEXT;

-- CreateTable
CREATE TABLE "ContactEnfant" (
    "contactId" TEXT NOT NULL,
    "enfantId" TEXT NOT NULL,
    "autoriseRecuperer" BOOLEAN NOT NULL,
    "aPrevenir" BOOLEAN NOT NULL,

    CONSTRAINT "ContactEnfant_pkey" PRIMARY KEY ("contactId","enfantId")
);

-- CreateTable
CREATE TABLE "TransportScolaire" (
    "id" TEXT NOT NULL,
    "enfantId" TEXT NOT NULL,
    "familleId" TEXT NOT NULL,
    "prendLeBus" BOOLEAN NOT NULL,
    "jours" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "matin" BOOLEAN NOT NULL DEFAULT false,
    "soir" BOOLEAN NOT NULL DEFAULT false,
    "demandeId" TEXT,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TransportScolaire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RappelVaccin" (
    "id" TEXT NOT NULL,
    "enfantId" TEXT NOT NULL,
    "echeance" DATE NOT NULL,
    "envoyeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RappelVaccin_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ContactEnfant_enfantId_idx" ON "ContactEnfant"("enfantId");

-- CreateIndex
CREATE UNIQUE INDEX "TransportScolaire_demandeId_key" ON "TransportScolaire"("demandeId");

-- CreateIndex
CREATE INDEX "TransportScolaire_enfantId_creeLe_idx" ON "TransportScolaire"("enfantId", "creeLe");

-- CreateIndex
CREATE INDEX "TransportScolaire_familleId_idx" ON "TransportScolaire"("familleId");

-- CreateIndex
CREATE UNIQUE INDEX "RappelVaccin_enfantId_echeance_key" ON "RappelVaccin"("enfantId", "echeance");

-- AddForeignKey
ALTER TABLE "ContactEnfant" ADD CONSTRAINT "ContactEnfant_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactEnfant" ADD CONSTRAINT "ContactEnfant_enfantId_fkey" FOREIGN KEY ("enfantId") REFERENCES "Enfant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransportScolaire" ADD CONSTRAINT "TransportScolaire_enfantId_fkey" FOREIGN KEY ("enfantId") REFERENCES "Enfant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TransportScolaire" ADD CONSTRAINT "TransportScolaire_familleId_fkey" FOREIGN KEY ("familleId") REFERENCES "Famille"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RappelVaccin" ADD CONSTRAINT "RappelVaccin_enfantId_fkey" FOREIGN KEY ("enfantId") REFERENCES "Enfant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill: each contact's family-wide answers become each of the family's children's own
INSERT INTO "ContactEnfant" ("contactId", "enfantId", "autoriseRecuperer", "aPrevenir")
SELECT c."id", fe."enfantId", c."autoriseRecuperer", c."aPrevenir"
FROM "Contact" c JOIN "FamilleEnfant" fe ON fe."familleId" = c."familleId"
ON CONFLICT DO NOTHING;
