-- AlterEnum
ALTER TYPE "TypeDemande" ADD VALUE 'DOSSIER_SANTE';

-- AlterTable
ALTER TABLE "Demande" ADD COLUMN     "enfantId" TEXT;

-- CreateTable
CREATE TABLE "DossierSante" (
    "id" TEXT NOT NULL,
    "enfantId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "donneesChiffrees" TEXT NOT NULL,
    "demandeId" TEXT,
    "valideeAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "valideeParId" TEXT,

    CONSTRAINT "DossierSante_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Medecin" (
    "id" TEXT NOT NULL,
    "nom" TEXT NOT NULL,
    "prenom" TEXT NOT NULL,
    "commune" TEXT NOT NULL,
    "telephone" TEXT,
    "actif" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Medecin_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DossierSante_demandeId_key" ON "DossierSante"("demandeId");

-- CreateIndex
CREATE UNIQUE INDEX "DossierSante_enfantId_version_key" ON "DossierSante"("enfantId", "version");

-- CreateIndex
CREATE INDEX "Medecin_nom_idx" ON "Medecin"("nom");

-- CreateIndex
CREATE INDEX "Demande_enfantId_type_idx" ON "Demande"("enfantId", "type");

-- AddForeignKey
ALTER TABLE "Demande" ADD CONSTRAINT "Demande_enfantId_fkey" FOREIGN KEY ("enfantId") REFERENCES "Enfant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierSante" ADD CONSTRAINT "DossierSante_enfantId_fkey" FOREIGN KEY ("enfantId") REFERENCES "Enfant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
