-- AlterEnum
ALTER TYPE "TokenPurpose" ADD VALUE 'CHANGEMENT_COURRIEL';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TypeDemande" ADD VALUE 'CHANGEMENT_ADRESSE';
ALTER TYPE "TypeDemande" ADD VALUE 'SUPPRESSION_ESPACE';

-- AlterTable
ALTER TABLE "UsagerToken" ADD COLUMN     "courriel" TEXT;
