-- CreateEnum
CREATE TYPE "RaisonReservation" AS ENUM ('PARENT', 'AGENT', 'VALIDATION', 'ABSENCE', 'SERVICE_NON_ASSURE', 'PROMOTION');

-- CreateTable
CREATE TABLE "ReservationEvenement" (
    "id" BIGSERIAL NOT NULL,
    "reservationId" TEXT NOT NULL,
    "enfantId" TEXT NOT NULL,
    "uniteId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "familleId" TEXT NOT NULL,
    "de" "StatutReservation",
    "vers" "StatutReservation" NOT NULL,
    "acteur" "Acteur" NOT NULL,
    "acteurId" TEXT,
    "acteurNom" TEXT,
    "raison" "RaisonReservation" NOT NULL,
    "transition" TEXT NOT NULL,
    "motif" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReservationEvenement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReservationEvenement_reservationId_createdAt_idx" ON "ReservationEvenement"("reservationId", "createdAt");

-- CreateIndex
CREATE INDEX "ReservationEvenement_familleId_date_idx" ON "ReservationEvenement"("familleId", "date");

-- AddForeignKey
ALTER TABLE "ReservationEvenement" ADD CONSTRAINT "ReservationEvenement_reservationId_fkey" FOREIGN KEY ("reservationId") REFERENCES "Reservation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
