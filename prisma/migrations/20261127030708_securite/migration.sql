-- CreateEnum
CREATE TYPE "PermissionAgent" AS ENUM ('SANTE');

-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "permissions" "PermissionAgent"[] DEFAULT ARRAY[]::"PermissionAgent"[];

-- AlterTable
ALTER TABLE "WizardDraft" ADD COLUMN     "ip" TEXT;

-- CreateTable
CREATE TABLE "LimiteEnvoi" (
    "id" BIGSERIAL NOT NULL,
    "cle" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LimiteEnvoi_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LimiteEnvoi_cle_createdAt_idx" ON "LimiteEnvoi"("cle", "createdAt");

-- CreateIndex
CREATE INDEX "WizardDraft_ip_createdAt_idx" ON "WizardDraft"("ip", "createdAt");
