-- AlterTable
ALTER TABLE "PieceJustificative" ALTER COLUMN "familleId" DROP NOT NULL;
