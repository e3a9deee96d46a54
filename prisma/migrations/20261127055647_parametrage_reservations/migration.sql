-- CreateEnum
CREATE TYPE "ModeValidation" AS ENUM ('AUTOMATIQUE', 'AGENT');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "StatutReservation" ADD VALUE 'A_VALIDER';
ALTER TYPE "StatutReservation" ADD VALUE 'REFUSEE';

-- AlterTable
ALTER TABLE "Activite" ADD COLUMN     "validation" "ModeValidation" NOT NULL DEFAULT 'AUTOMATIQUE';
