-- AlterTable
ALTER TABLE "DemandePiece" ADD COLUMN     "verifieeAt" TIMESTAMP(3),
ADD COLUMN     "verifieePar" TEXT;
