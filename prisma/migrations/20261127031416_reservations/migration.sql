-- CreateEnum
CREATE TYPE "TypeFermeture" AS ENUM ('PONT', 'GREVE', 'EXCEPTIONNEL');

-- CreateEnum
CREATE TYPE "StatutReservation" AS ENUM ('RESERVEE', 'ATTENTE', 'ANNULEE');

-- DropIndex
DROP INDEX "Inscription_enfantId_activiteId_anneeId_key";

-- AlterTable
ALTER TABLE "Activite" ADD COLUMN     "delaiAnnulation" JSONB,
ADD COLUMN     "delaiReservation" JSONB,
ADD COLUMN     "joursSemaine" INTEGER[] DEFAULT ARRAY[1, 2, 4, 5]::INTEGER[];

-- AlterTable
ALTER TABLE "AnneeScolaire" ADD COLUMN     "lectureSeuleLe" DATE;

-- AlterTable
ALTER TABLE "Unite" ADD COLUMN     "capacite" INTEGER,
ADD COLUMN     "exclusive" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "VacancesScolaires" (
    "id" SERIAL NOT NULL,
    "zone" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "anneeScolaire" TEXT NOT NULL,
    "debut" DATE NOT NULL,
    "fin" DATE NOT NULL,

    CONSTRAINT "VacancesScolaires_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Fermeture" (
    "id" SERIAL NOT NULL,
    "date" DATE NOT NULL,
    "type" "TypeFermeture" NOT NULL,
    "libelle" TEXT NOT NULL,
    "activiteId" INTEGER,

    CONSTRAINT "Fermeture_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourOuverture" (
    "id" SERIAL NOT NULL,
    "uniteId" INTEGER NOT NULL,
    "lieuId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "capacite" INTEGER,

    CONSTRAINT "JourOuverture_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Reservation" (
    "id" TEXT NOT NULL,
    "enfantId" TEXT NOT NULL,
    "uniteId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "jourId" INTEGER NOT NULL,
    "inscriptionId" TEXT NOT NULL,
    "familleId" TEXT NOT NULL,
    "statut" "StatutReservation" NOT NULL,
    "parAgentId" TEXT,
    "creeeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "modifieeLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reservation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "VacancesScolaires_zone_description_debut_key" ON "VacancesScolaires"("zone", "description", "debut");

-- CreateIndex
CREATE INDEX "Fermeture_date_idx" ON "Fermeture"("date");

-- CreateIndex
CREATE INDEX "JourOuverture_lieuId_date_idx" ON "JourOuverture"("lieuId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "JourOuverture_uniteId_lieuId_date_key" ON "JourOuverture"("uniteId", "lieuId", "date");

-- CreateIndex
CREATE INDEX "Reservation_jourId_statut_idx" ON "Reservation"("jourId", "statut");

-- CreateIndex
CREATE INDEX "Reservation_inscriptionId_date_idx" ON "Reservation"("inscriptionId", "date");

-- CreateIndex
CREATE INDEX "Reservation_familleId_date_idx" ON "Reservation"("familleId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Reservation_enfantId_uniteId_date_key" ON "Reservation"("enfantId", "uniteId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Inscription_enfantId_activiteId_anneeId_familleId_key" ON "Inscription"("enfantId", "activiteId", "anneeId", "familleId");

-- AddForeignKey
ALTER TABLE "Fermeture" ADD CONSTRAINT "Fermeture_activiteId_fkey" FOREIGN KEY ("activiteId") REFERENCES "Activite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourOuverture" ADD CONSTRAINT "JourOuverture_uniteId_fkey" FOREIGN KEY ("uniteId") REFERENCES "Unite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourOuverture" ADD CONSTRAINT "JourOuverture_lieuId_fkey" FOREIGN KEY ("lieuId") REFERENCES "Lieu"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_enfantId_fkey" FOREIGN KEY ("enfantId") REFERENCES "Enfant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_uniteId_fkey" FOREIGN KEY ("uniteId") REFERENCES "Unite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_jourId_fkey" FOREIGN KEY ("jourId") REFERENCES "JourOuverture"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_inscriptionId_fkey" FOREIGN KEY ("inscriptionId") REFERENCES "Inscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Reservation" ADD CONSTRAINT "Reservation_familleId_fkey" FOREIGN KEY ("familleId") REFERENCES "Famille"("id") ON DELETE CASCADE ON UPDATE CASCADE;
