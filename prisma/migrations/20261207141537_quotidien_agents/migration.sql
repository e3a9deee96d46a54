-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "lieuPointageId" INTEGER;

-- AlterTable
ALTER TABLE "Commune" ADD COLUMN     "delaiCorrectionPointageJours" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "traiteurCourriel" TEXT;

-- AlterTable
ALTER TABLE "Pointage" ADD COLUMN     "recuLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "ServiceNonAssure" ADD COLUMN     "declarationId" TEXT;
