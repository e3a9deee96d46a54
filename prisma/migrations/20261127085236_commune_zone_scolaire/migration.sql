-- AlterTable
ALTER TABLE "Commune" ADD COLUMN     "zoneScolaire" TEXT NOT NULL DEFAULT 'Zone A';
