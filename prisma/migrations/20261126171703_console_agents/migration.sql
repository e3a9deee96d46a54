-- AlterEnum
ALTER TYPE "DocumentType" ADD VALUE 'REGLEMENT_INTERIEUR';

-- AlterEnum
ALTER TYPE "TypeDemande" ADD VALUE 'RATTACHEMENT_FAMILLE';

-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "totpActiveAt" TIMESTAMP(3),
ADD COLUMN     "totpDernierPas" INTEGER,
ADD COLUMN     "totpSecretChiffre" TEXT;

-- AlterTable
ALTER TABLE "Commune" ADD COLUMN     "logoKey" TEXT,
ADD COLUMN     "totpObligatoire" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "DemandeRapprochement" ADD COLUMN     "decision" TEXT;

-- AlterTable
ALTER TABLE "DocumentVersion" ADD COLUMN     "publieParId" TEXT;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "mfaEnAttente" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CodeSecours" (
    "id" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CodeSecours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EssaiCleEnfance" (
    "id" BIGSERIAL NOT NULL,
    "usagerId" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "succes" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EssaiCleEnfance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CodeSecours_agentId_idx" ON "CodeSecours"("agentId");

-- CreateIndex
CREATE INDEX "EssaiCleEnfance_usagerId_createdAt_idx" ON "EssaiCleEnfance"("usagerId", "createdAt");

-- CreateIndex
CREATE INDEX "EssaiCleEnfance_ip_createdAt_idx" ON "EssaiCleEnfance"("ip", "createdAt");

-- AddForeignKey
ALTER TABLE "CodeSecours" ADD CONSTRAINT "CodeSecours_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
