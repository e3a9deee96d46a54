-- CreateEnum
CREATE TYPE "TypeDemande" AS ENUM ('AJOUT_FAMILLE');

-- CreateEnum
CREATE TYPE "StatutDemande" AS ENUM ('BROUILLON', 'DEPOSEE', 'EN_INSTRUCTION', 'A_COMPLETER', 'ACCEPTEE', 'REFUSEE', 'ANNULEE');

-- CreateEnum
CREATE TYPE "Acteur" AS ENUM ('USAGER', 'AGENT', 'SYSTEME');

-- CreateEnum
CREATE TYPE "RoleRepresentant" AS ENUM ('TITULAIRE', 'CO_REPRESENTANT');

-- CreateEnum
CREATE TYPE "Qualite" AS ENUM ('MERE', 'PERE', 'TUTEUR', 'BEAU_PARENT', 'GRAND_PARENT', 'AUTRE');

-- CreateEnum
CREATE TYPE "Sexe" AS ENUM ('FEMININ', 'MASCULIN');

-- CreateTable
CREATE TABLE "Demande" (
    "id" TEXT NOT NULL,
    "numero" INTEGER,
    "type" "TypeDemande" NOT NULL,
    "statut" "StatutDemande" NOT NULL DEFAULT 'BROUILLON',
    "usagerId" TEXT NOT NULL,
    "brouillonUnique" TEXT,
    "donnees" JSONB NOT NULL DEFAULT '{}',
    "etape" INTEGER NOT NULL DEFAULT 1,
    "suiviTokenHash" TEXT,
    "clesEnfants" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "instructeurId" TEXT,
    "familleId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deposeeAt" TIMESTAMP(3),
    "decideeAt" TIMESTAMP(3),

    CONSTRAINT "Demande_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemandeHistorique" (
    "id" BIGSERIAL NOT NULL,
    "demandeId" TEXT NOT NULL,
    "transition" TEXT NOT NULL,
    "de" "StatutDemande" NOT NULL,
    "vers" "StatutDemande" NOT NULL,
    "acteur" "Acteur" NOT NULL,
    "acteurId" TEXT,
    "acteurNom" TEXT,
    "motif" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DemandeHistorique_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemandeMessage" (
    "id" TEXT NOT NULL,
    "demandeId" TEXT NOT NULL,
    "auteur" "Acteur" NOT NULL,
    "auteurId" TEXT NOT NULL,
    "auteurNom" TEXT NOT NULL,
    "contenu" TEXT NOT NULL,
    "interne" BOOLEAN NOT NULL DEFAULT false,
    "pieceKey" TEXT,
    "pieceNom" TEXT,
    "pieceType" TEXT,
    "pieceTaille" INTEGER,
    "luAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DemandeMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemandeRapprochement" (
    "id" TEXT NOT NULL,
    "demandeId" TEXT NOT NULL,
    "enfantRef" TEXT NOT NULL,
    "enfantId" TEXT,
    "autreDemandeId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DemandeRapprochement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Adresse" (
    "id" TEXT NOT NULL,
    "numero" TEXT,
    "voie" TEXT NOT NULL,
    "batiment" TEXT,
    "appartement" TEXT,
    "complement" TEXT,
    "codePostal" TEXT NOT NULL,
    "ville" TEXT NOT NULL,
    "pays" TEXT NOT NULL,
    "codeInsee" TEXT,

    CONSTRAINT "Adresse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Famille" (
    "id" TEXT NOT NULL,
    "cleEnfance" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Famille_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Representant" (
    "id" TEXT NOT NULL,
    "familleId" TEXT NOT NULL,
    "role" "RoleRepresentant" NOT NULL,
    "usagerId" TEXT,
    "civilite" "Civilite" NOT NULL,
    "nomUsage" TEXT NOT NULL,
    "nomFamille" TEXT,
    "prenom" TEXT NOT NULL,
    "dateNaissance" DATE,
    "communeNaissance" TEXT,
    "departementNaissance" TEXT,
    "paysNaissance" TEXT,
    "adresseId" TEXT NOT NULL,
    "telephoneDomicile" TEXT,
    "telephonePortable" TEXT,
    "courriel" TEXT,
    "profession" TEXT,
    "employeur" TEXT,
    "telephonePro" TEXT,
    "modaliteContact" TEXT,
    "qualite" "Qualite" NOT NULL,
    "autoriteParentale" BOOLEAN NOT NULL,

    CONSTRAINT "Representant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Enfant" (
    "id" TEXT NOT NULL,
    "sexe" "Sexe" NOT NULL,
    "nom" TEXT NOT NULL,
    "prenoms" TEXT NOT NULL,
    "dateNaissance" DATE NOT NULL,
    "lieuNaissance" TEXT,
    "adresseId" TEXT,
    "cleRapprochement" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Enfant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FamilleEnfant" (
    "familleId" TEXT NOT NULL,
    "enfantId" TEXT NOT NULL,

    CONSTRAINT "FamilleEnfant_pkey" PRIMARY KEY ("familleId","enfantId")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "familleId" TEXT NOT NULL,
    "nom" TEXT NOT NULL,
    "prenom" TEXT NOT NULL,
    "lien" TEXT NOT NULL,
    "telephonePortable" TEXT,
    "telephoneDomicile" TEXT,
    "aPrevenir" BOOLEAN NOT NULL,
    "autoriseRecuperer" BOOLEAN NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Demande_numero_key" ON "Demande"("numero");

-- CreateIndex
CREATE UNIQUE INDEX "Demande_brouillonUnique_key" ON "Demande"("brouillonUnique");

-- CreateIndex
CREATE UNIQUE INDEX "Demande_suiviTokenHash_key" ON "Demande"("suiviTokenHash");

-- CreateIndex
CREATE INDEX "Demande_usagerId_statut_idx" ON "Demande"("usagerId", "statut");

-- CreateIndex
CREATE INDEX "Demande_statut_deposeeAt_idx" ON "Demande"("statut", "deposeeAt");

-- CreateIndex
CREATE INDEX "Demande_clesEnfants_idx" ON "Demande" USING GIN ("clesEnfants");

-- CreateIndex
CREATE INDEX "DemandeHistorique_demandeId_createdAt_idx" ON "DemandeHistorique"("demandeId", "createdAt");

-- CreateIndex
CREATE INDEX "DemandeMessage_demandeId_createdAt_idx" ON "DemandeMessage"("demandeId", "createdAt");

-- CreateIndex
CREATE INDEX "DemandeRapprochement_demandeId_idx" ON "DemandeRapprochement"("demandeId");

-- CreateIndex
CREATE UNIQUE INDEX "Famille_cleEnfance_key" ON "Famille"("cleEnfance");

-- CreateIndex
CREATE INDEX "Representant_usagerId_idx" ON "Representant"("usagerId");

-- CreateIndex
CREATE UNIQUE INDEX "Representant_familleId_role_key" ON "Representant"("familleId", "role");

-- CreateIndex
CREATE INDEX "Enfant_cleRapprochement_idx" ON "Enfant"("cleRapprochement");

-- CreateIndex
CREATE INDEX "FamilleEnfant_enfantId_idx" ON "FamilleEnfant"("enfantId");

-- AddForeignKey
ALTER TABLE "Demande" ADD CONSTRAINT "Demande_usagerId_fkey" FOREIGN KEY ("usagerId") REFERENCES "Usager"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demande" ADD CONSTRAINT "Demande_instructeurId_fkey" FOREIGN KEY ("instructeurId") REFERENCES "Agent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Demande" ADD CONSTRAINT "Demande_familleId_fkey" FOREIGN KEY ("familleId") REFERENCES "Famille"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemandeHistorique" ADD CONSTRAINT "DemandeHistorique_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemandeMessage" ADD CONSTRAINT "DemandeMessage_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemandeRapprochement" ADD CONSTRAINT "DemandeRapprochement_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemandeRapprochement" ADD CONSTRAINT "DemandeRapprochement_enfantId_fkey" FOREIGN KEY ("enfantId") REFERENCES "Enfant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemandeRapprochement" ADD CONSTRAINT "DemandeRapprochement_autreDemandeId_fkey" FOREIGN KEY ("autreDemandeId") REFERENCES "Demande"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Representant" ADD CONSTRAINT "Representant_familleId_fkey" FOREIGN KEY ("familleId") REFERENCES "Famille"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Representant" ADD CONSTRAINT "Representant_usagerId_fkey" FOREIGN KEY ("usagerId") REFERENCES "Usager"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Representant" ADD CONSTRAINT "Representant_adresseId_fkey" FOREIGN KEY ("adresseId") REFERENCES "Adresse"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Enfant" ADD CONSTRAINT "Enfant_adresseId_fkey" FOREIGN KEY ("adresseId") REFERENCES "Adresse"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilleEnfant" ADD CONSTRAINT "FamilleEnfant_familleId_fkey" FOREIGN KEY ("familleId") REFERENCES "Famille"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FamilleEnfant" ADD CONSTRAINT "FamilleEnfant_enfantId_fkey" FOREIGN KEY ("enfantId") REFERENCES "Enfant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_familleId_fkey" FOREIGN KEY ("familleId") REFERENCES "Famille"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Demande numbers ("N° 73") come from this sequence, taken at the first deposit (lib/domain/demande/deposer.ts):
-- concurrent deposits get distinct increasing numbers without locking each other.
CREATE SEQUENCE "demande_numero_seq" AS INTEGER START WITH 1;
