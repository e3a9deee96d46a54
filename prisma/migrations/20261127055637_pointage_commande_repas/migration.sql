-- CreateEnum
CREATE TYPE "EtatPointage" AS ENUM ('PRESENT', 'ABSENT', 'PRESENT_SANS_RESERVATION');

-- CreateTable
CREATE TABLE "Pointage" (
    "id" TEXT NOT NULL,
    "enfantId" TEXT NOT NULL,
    "uniteId" INTEGER NOT NULL,
    "lieuId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "etat" "EtatPointage" NOT NULL,
    "parAgentId" TEXT NOT NULL,
    "marqueLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pointage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImpressionListe" (
    "id" SERIAL NOT NULL,
    "lieuId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "premiereLe" TIMESTAMP(3) NOT NULL,
    "derniereLe" TIMESTAMP(3) NOT NULL,
    "parAgentId" TEXT NOT NULL,

    CONSTRAINT "ImpressionListe_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommandeRepas" (
    "id" TEXT NOT NULL,
    "lieuId" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "version" INTEGER NOT NULL,
    "comptes" JSONB NOT NULL,
    "besoinsChiffres" TEXT NOT NULL,
    "figeeLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommandeRepas_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Pointage_lieuId_date_idx" ON "Pointage"("lieuId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Pointage_enfantId_uniteId_date_key" ON "Pointage"("enfantId", "uniteId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "ImpressionListe_lieuId_date_key" ON "ImpressionListe"("lieuId", "date");

-- CreateIndex
CREATE INDEX "CommandeRepas_date_idx" ON "CommandeRepas"("date");

-- CreateIndex
CREATE UNIQUE INDEX "CommandeRepas_lieuId_date_version_key" ON "CommandeRepas"("lieuId", "date", "version");

-- AddForeignKey
ALTER TABLE "Pointage" ADD CONSTRAINT "Pointage_enfantId_fkey" FOREIGN KEY ("enfantId") REFERENCES "Enfant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pointage" ADD CONSTRAINT "Pointage_uniteId_fkey" FOREIGN KEY ("uniteId") REFERENCES "Unite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pointage" ADD CONSTRAINT "Pointage_lieuId_fkey" FOREIGN KEY ("lieuId") REFERENCES "Lieu"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpressionListe" ADD CONSTRAINT "ImpressionListe_lieuId_fkey" FOREIGN KEY ("lieuId") REFERENCES "Lieu"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommandeRepas" ADD CONSTRAINT "CommandeRepas_lieuId_fkey" FOREIGN KEY ("lieuId") REFERENCES "Lieu"("id") ON DELETE CASCADE ON UPDATE CASCADE;
