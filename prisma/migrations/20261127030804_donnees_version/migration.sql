-- AlterTable
ALTER TABLE "Demande" ADD COLUMN     "donneesVersion" INTEGER NOT NULL DEFAULT 1;
