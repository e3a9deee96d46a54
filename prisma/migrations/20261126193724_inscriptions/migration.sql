-- CreateEnum
CREATE TYPE "TypeActivite" AS ENUM ('RESTAURATION', 'GARDERIE');

-- CreateEnum
CREATE TYPE "TypePiece" AS ENUM ('JUSTIFICATIF_DOMICILE', 'LIVRET_FAMILLE', 'JUGEMENT_SEPARATION', 'ACTE_NAISSANCE', 'ATTESTATION_CAF', 'RESPONSABILITE_CIVILE', 'CALENDRIER_GARDE');

-- CreateEnum
CREATE TYPE "StatutInscription" AS ENUM ('ACTIVE', 'RESILIEE');

-- AlterEnum
ALTER TYPE "TypeDemande" ADD VALUE 'INSCRIPTION';

-- CreateTable
CREATE TABLE "AnneeScolaire" (
    "id" SERIAL NOT NULL,
    "libelle" TEXT NOT NULL,
    "dateDebut" DATE NOT NULL,
    "dateFin" DATE NOT NULL,
    "ouvertureReservations" DATE NOT NULL,
    "inscriptionsOuvertes" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "AnneeScolaire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activite" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "libelle" TEXT NOT NULL,
    "type" "TypeActivite" NOT NULL,
    "description" TEXT NOT NULL,
    "ordre" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Activite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Lieu" (
    "id" SERIAL NOT NULL,
    "activiteId" INTEGER NOT NULL,
    "nom" TEXT NOT NULL,
    "ordre" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Lieu_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Groupe" (
    "id" SERIAL NOT NULL,
    "activiteId" INTEGER NOT NULL,
    "libelle" TEXT NOT NULL,
    "ordre" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Groupe_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unite" (
    "id" SERIAL NOT NULL,
    "activiteId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "libelle" TEXT NOT NULL,
    "ordre" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Unite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivitePiece" (
    "activiteId" INTEGER NOT NULL,
    "type" "TypePiece" NOT NULL,
    "obligatoire" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ActivitePiece_pkey" PRIMARY KEY ("activiteId","type")
);

-- CreateTable
CREATE TABLE "Inscription" (
    "id" TEXT NOT NULL,
    "enfantId" TEXT NOT NULL,
    "familleId" TEXT NOT NULL,
    "activiteId" INTEGER NOT NULL,
    "anneeId" INTEGER NOT NULL,
    "lieuId" INTEGER NOT NULL,
    "groupeId" INTEGER NOT NULL,
    "uniteId" INTEGER,
    "permissions" JSONB NOT NULL,
    "habilitations" JSONB NOT NULL,
    "paiDemande" BOOLEAN NOT NULL DEFAULT false,
    "paiObjetChiffre" TEXT,
    "reglementId" INTEGER,
    "statut" "StatutInscription" NOT NULL DEFAULT 'ACTIVE',
    "demandeId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PieceJustificative" (
    "id" TEXT NOT NULL,
    "familleId" TEXT NOT NULL,
    "type" "TypePiece" NOT NULL,
    "storageKey" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "taille" INTEGER NOT NULL,
    "mime" TEXT NOT NULL,
    "nom" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usagerId" TEXT,

    CONSTRAINT "PieceJustificative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DemandePiece" (
    "demandeId" TEXT NOT NULL,
    "pieceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DemandePiece_pkey" PRIMARY KEY ("demandeId","pieceId")
);

-- CreateIndex
CREATE UNIQUE INDEX "AnneeScolaire_libelle_key" ON "AnneeScolaire"("libelle");

-- CreateIndex
CREATE UNIQUE INDEX "Activite_code_key" ON "Activite"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Lieu_activiteId_nom_key" ON "Lieu"("activiteId", "nom");

-- CreateIndex
CREATE UNIQUE INDEX "Groupe_activiteId_libelle_key" ON "Groupe"("activiteId", "libelle");

-- CreateIndex
CREATE UNIQUE INDEX "Unite_activiteId_code_key" ON "Unite"("activiteId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Inscription_demandeId_key" ON "Inscription"("demandeId");

-- CreateIndex
CREATE INDEX "Inscription_familleId_idx" ON "Inscription"("familleId");

-- CreateIndex
CREATE UNIQUE INDEX "Inscription_enfantId_activiteId_anneeId_key" ON "Inscription"("enfantId", "activiteId", "anneeId");

-- CreateIndex
CREATE UNIQUE INDEX "PieceJustificative_storageKey_key" ON "PieceJustificative"("storageKey");

-- CreateIndex
CREATE INDEX "PieceJustificative_familleId_type_idx" ON "PieceJustificative"("familleId", "type");

-- CreateIndex
CREATE INDEX "DemandePiece_pieceId_idx" ON "DemandePiece"("pieceId");

-- AddForeignKey
ALTER TABLE "Lieu" ADD CONSTRAINT "Lieu_activiteId_fkey" FOREIGN KEY ("activiteId") REFERENCES "Activite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Groupe" ADD CONSTRAINT "Groupe_activiteId_fkey" FOREIGN KEY ("activiteId") REFERENCES "Activite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unite" ADD CONSTRAINT "Unite_activiteId_fkey" FOREIGN KEY ("activiteId") REFERENCES "Activite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivitePiece" ADD CONSTRAINT "ActivitePiece_activiteId_fkey" FOREIGN KEY ("activiteId") REFERENCES "Activite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inscription" ADD CONSTRAINT "Inscription_enfantId_fkey" FOREIGN KEY ("enfantId") REFERENCES "Enfant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inscription" ADD CONSTRAINT "Inscription_familleId_fkey" FOREIGN KEY ("familleId") REFERENCES "Famille"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inscription" ADD CONSTRAINT "Inscription_activiteId_fkey" FOREIGN KEY ("activiteId") REFERENCES "Activite"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inscription" ADD CONSTRAINT "Inscription_anneeId_fkey" FOREIGN KEY ("anneeId") REFERENCES "AnneeScolaire"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inscription" ADD CONSTRAINT "Inscription_lieuId_fkey" FOREIGN KEY ("lieuId") REFERENCES "Lieu"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inscription" ADD CONSTRAINT "Inscription_groupeId_fkey" FOREIGN KEY ("groupeId") REFERENCES "Groupe"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inscription" ADD CONSTRAINT "Inscription_uniteId_fkey" FOREIGN KEY ("uniteId") REFERENCES "Unite"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inscription" ADD CONSTRAINT "Inscription_reglementId_fkey" FOREIGN KEY ("reglementId") REFERENCES "DocumentVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inscription" ADD CONSTRAINT "Inscription_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PieceJustificative" ADD CONSTRAINT "PieceJustificative_familleId_fkey" FOREIGN KEY ("familleId") REFERENCES "Famille"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PieceJustificative" ADD CONSTRAINT "PieceJustificative_usagerId_fkey" FOREIGN KEY ("usagerId") REFERENCES "Usager"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemandePiece" ADD CONSTRAINT "DemandePiece_demandeId_fkey" FOREIGN KEY ("demandeId") REFERENCES "Demande"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DemandePiece" ADD CONSTRAINT "DemandePiece_pieceId_fkey" FOREIGN KEY ("pieceId") REFERENCES "PieceJustificative"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
