-- CreateEnum
CREATE TYPE "MotifAbsence" AS ENUM ('MALADIE', 'RENDEZ_VOUS_MEDICAL', 'EVENEMENT_FAMILIAL', 'AUTRE');

-- CreateEnum
CREATE TYPE "MotifNonAssure" AS ENUM ('GREVE', 'SORTIE', 'FERMETURE');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "StatutReservation" ADD VALUE 'ABSENCE_SIGNALEE';
ALTER TYPE "StatutReservation" ADD VALUE 'ABSENCE_JUSTIFIEE';
ALTER TYPE "StatutReservation" ADD VALUE 'ABSENCE_INJUSTIFIEE';
ALTER TYPE "StatutReservation" ADD VALUE 'NON_ASSURE';

-- AlterEnum
ALTER TYPE "TypeDemande" ADD VALUE 'ABSENCE';

-- AlterTable
ALTER TABLE "Commune" ADD COLUMN     "delaiJustificatifHeures" INTEGER NOT NULL DEFAULT 48,
ADD COLUMN     "heureLimiteMaladie" TEXT NOT NULL DEFAULT '09:00';

-- AlterTable
ALTER TABLE "Reservation" ADD COLUMN     "absenceId" TEXT;

-- CreateTable
CREATE TABLE "Absence" (
    "demandeId" TEXT NOT NULL,
    "enfantId" TEXT NOT NULL,
    "familleId" TEXT NOT NULL,
    "debut" DATE NOT NULL,
    "fin" DATE NOT NULL,
    "motif" "MotifAbsence" NOT NULL,
    "maladeCeMatin" BOOLEAN NOT NULL DEFAULT false,
    "justificatifAvant" TIMESTAMP(3) NOT NULL,
    "justificatifRecuLe" TIMESTAMP(3),
    "creeeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Absence_pkey" PRIMARY KEY ("demandeId")
);

-- CreateTable
CREATE TABLE "ServiceNonAssure" (
    "id" TEXT NOT NULL,
    "cle" TEXT,
    "activiteId" INTEGER NOT NULL,
    "lieuId" INTEGER NOT NULL,
    "debut" DATE NOT NULL,
    "fin" DATE NOT NULL,
    "motif" "MotifNonAssure" NOT NULL,
    "agentId" TEXT,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "annuleLe" TIMESTAMP(3),

    CONSTRAINT "ServiceNonAssure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceNonAssureReservation" (
    "serviceId" TEXT NOT NULL,
    "reservationId" TEXT NOT NULL,
    "statutAvant" "StatutReservation" NOT NULL,

    CONSTRAINT "ServiceNonAssureReservation_pkey" PRIMARY KEY ("serviceId","reservationId")
);

-- CreateIndex
CREATE INDEX "Absence_enfantId_debut_idx" ON "Absence"("enfantId", "debut");

-- CreateIndex
CREATE INDEX "Absence_justificatifAvant_idx" ON "Absence"("justificatifAvant");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceNonAssure_cle_key" ON "ServiceNonAssure"("cle");

-- CreateIndex
CREATE INDEX "ServiceNonAssure_lieuId_debut_fin_idx" ON "ServiceNonAssure"("lieuId", "debut", "fin");

-- CreateIndex
CREATE INDEX "ServiceNonAssureReservation_reservationId_idx" ON "ServiceNonAssureReservation"("reservationId");

-- CreateIndex
CREATE INDEX "Reservation_absenceId_idx" ON "Reservation"("absenceId");

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_absenceId_fkey" FOREIGN KEY ("absenceId") REFERENCES "Absence"("demandeId") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_enfantId_fkey" FOREIGN KEY ("enfantId") REFERENCES "Enfant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Absence" ADD CONSTRAINT "Absence_familleId_fkey" FOREIGN KEY ("familleId") REFERENCES "Famille"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceNonAssure" ADD CONSTRAINT "ServiceNonAssure_activiteId_fkey" FOREIGN KEY ("activiteId") REFERENCES "Activite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceNonAssure" ADD CONSTRAINT "ServiceNonAssure_lieuId_fkey" FOREIGN KEY ("lieuId") REFERENCES "Lieu"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceNonAssure" ADD CONSTRAINT "ServiceNonAssure_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceNonAssureReservation" ADD CONSTRAINT "ServiceNonAssureReservation_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "ServiceNonAssure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceNonAssureReservation" ADD CONSTRAINT "ServiceNonAssureReservation_reservationId_fkey" FOREIGN KEY ("reservationId") REFERENCES "Reservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
