-- CreateEnum
CREATE TYPE "SourceQuotient" AS ENUM ('CAF', 'MSA', 'AGENT');

-- CreateEnum
CREATE TYPE "ModeTarif" AS ENUM ('FIXE', 'TRANCHES', 'TAUX_EFFORT');

-- CreateEnum
CREATE TYPE "StatutRunFacturation" AS ENUM ('EN_COURS', 'TERMINE', 'ECHEC');

-- CreateEnum
CREATE TYPE "ModePaiement" AS ENUM ('CB_PAYFIP', 'CHEQUE', 'ESPECES', 'CESU', 'VIREMENT');

-- CreateTable
CREATE TABLE "QuotientFamilial" (
    "id" TEXT NOT NULL,
    "familleId" TEXT NOT NULL,
    "valeur" INTEGER NOT NULL,
    "du" DATE NOT NULL,
    "au" DATE,
    "source" "SourceQuotient" NOT NULL,
    "pieceId" TEXT,
    "saisiParId" TEXT,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuotientFamilial_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tarif" (
    "id" SERIAL NOT NULL,
    "activiteId" INTEGER NOT NULL,
    "uniteId" INTEGER NOT NULL,
    "anneeId" INTEGER NOT NULL,
    "mode" "ModeTarif" NOT NULL,
    "prixCentimes" DECIMAL(14,4),
    "tauxEffort" DECIMAL(12,6),
    "minCentimes" DECIMAL(14,4),
    "maxCentimes" DECIMAL(14,4),
    "majorationCentimes" DECIMAL(14,4),
    "modifieLe" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Tarif_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrancheTarif" (
    "id" SERIAL NOT NULL,
    "tarifId" INTEGER NOT NULL,
    "qfMin" INTEGER NOT NULL,
    "qfMax" INTEGER,
    "prixCentimes" DECIMAL(14,4) NOT NULL,

    CONSTRAINT "TrancheTarif_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParametresFacturation" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "regie" TEXT NOT NULL DEFAULT 'Régie enfance',
    "delaiPaiementJours" INTEGER NOT NULL DEFAULT 30,
    "seuilReportCentimes" INTEGER NOT NULL DEFAULT 1500,
    "modesPaiement" TEXT NOT NULL DEFAULT 'En ligne sur le portail famille (carte bancaire, PayFiP), par chèque à l''ordre du Trésor public, en espèces ou CESU à la régie, ou par virement.',

    CONSTRAINT "ParametresFacturation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompteurNumero" (
    "serie" TEXT NOT NULL,
    "annee" INTEGER NOT NULL,
    "valeur" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CompteurNumero_pkey" PRIMARY KEY ("serie","annee")
);

-- CreateTable
CREATE TABLE "RunFacturation" (
    "id" TEXT NOT NULL,
    "mois" DATE NOT NULL,
    "statut" "StatutRunFacturation" NOT NULL DEFAULT 'EN_COURS',
    "familles" INTEGER NOT NULL DEFAULT 0,
    "traitees" INTEGER NOT NULL DEFAULT 0,
    "factures" INTEGER NOT NULL DEFAULT 0,
    "reportees" INTEGER NOT NULL DEFAULT 0,
    "erreur" TEXT,
    "lanceParId" TEXT,
    "debut" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fin" TIMESTAMP(3),

    CONSTRAINT "RunFacturation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Facture" (
    "id" TEXT NOT NULL,
    "numero" TEXT NOT NULL,
    "serie" TEXT NOT NULL,
    "annee" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "familleId" TEXT NOT NULL,
    "periodeDebut" DATE NOT NULL,
    "periodeFin" DATE NOT NULL,
    "emiseLe" DATE NOT NULL,
    "echeanceLe" DATE NOT NULL,
    "totalCentimes" INTEGER NOT NULL,
    "quotient" INTEGER,
    "qfNonCommunique" BOOLEAN NOT NULL DEFAULT false,
    "destinataire" TEXT NOT NULL,
    "adresse" TEXT NOT NULL,
    "runId" TEXT,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Facture_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LigneFacture" (
    "id" TEXT NOT NULL,
    "factureId" TEXT NOT NULL,
    "enfantId" TEXT NOT NULL,
    "activiteId" INTEGER NOT NULL,
    "uniteId" INTEGER NOT NULL,
    "enfantNom" TEXT NOT NULL,
    "libelle" TEXT NOT NULL,
    "mois" DATE NOT NULL,
    "quantite" INTEGER NOT NULL,
    "prixUnitaireCentimes" INTEGER NOT NULL,
    "montantCentimes" INTEGER NOT NULL,
    "quotient" INTEGER,
    "ordre" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LigneFacture_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportFacturation" (
    "id" TEXT NOT NULL,
    "familleId" TEXT NOT NULL,
    "mois" DATE NOT NULL,
    "montantCentimes" INTEGER NOT NULL,
    "lignes" JSONB NOT NULL,
    "factureId" TEXT,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportFacturation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Avoir" (
    "id" TEXT NOT NULL,
    "numero" TEXT NOT NULL,
    "serie" TEXT NOT NULL,
    "annee" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "factureId" TEXT NOT NULL,
    "montantCentimes" INTEGER NOT NULL,
    "motif" TEXT NOT NULL,
    "emisLe" DATE NOT NULL,
    "parAgentId" TEXT,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Avoir_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Paiement" (
    "id" TEXT NOT NULL,
    "familleId" TEXT NOT NULL,
    "montantCentimes" INTEGER NOT NULL,
    "mode" "ModePaiement" NOT NULL,
    "date" DATE NOT NULL,
    "reference" TEXT,
    "parAgentId" TEXT,
    "creeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Paiement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AffectationPaiement" (
    "paiementId" TEXT NOT NULL,
    "factureId" TEXT NOT NULL,
    "montantCentimes" INTEGER NOT NULL,

    CONSTRAINT "AffectationPaiement_pkey" PRIMARY KEY ("paiementId","factureId")
);

-- CreateIndex
CREATE INDEX "QuotientFamilial_familleId_du_idx" ON "QuotientFamilial"("familleId", "du");

-- CreateIndex
CREATE UNIQUE INDEX "Tarif_uniteId_anneeId_key" ON "Tarif"("uniteId", "anneeId");

-- CreateIndex
CREATE UNIQUE INDEX "TrancheTarif_tarifId_qfMin_key" ON "TrancheTarif"("tarifId", "qfMin");

-- CreateIndex
CREATE INDEX "RunFacturation_mois_debut_idx" ON "RunFacturation"("mois", "debut");

-- CreateIndex
CREATE UNIQUE INDEX "Facture_numero_key" ON "Facture"("numero");

-- CreateIndex
CREATE INDEX "Facture_periodeDebut_idx" ON "Facture"("periodeDebut");

-- CreateIndex
CREATE UNIQUE INDEX "Facture_serie_annee_sequence_key" ON "Facture"("serie", "annee", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "Facture_familleId_periodeDebut_key" ON "Facture"("familleId", "periodeDebut");

-- CreateIndex
CREATE INDEX "LigneFacture_factureId_idx" ON "LigneFacture"("factureId");

-- CreateIndex
CREATE INDEX "LigneFacture_enfantId_idx" ON "LigneFacture"("enfantId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportFacturation_familleId_mois_key" ON "ReportFacturation"("familleId", "mois");

-- CreateIndex
CREATE UNIQUE INDEX "Avoir_numero_key" ON "Avoir"("numero");

-- CreateIndex
CREATE UNIQUE INDEX "Avoir_factureId_key" ON "Avoir"("factureId");

-- CreateIndex
CREATE UNIQUE INDEX "Avoir_serie_annee_sequence_key" ON "Avoir"("serie", "annee", "sequence");

-- CreateIndex
CREATE INDEX "Paiement_familleId_date_idx" ON "Paiement"("familleId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Paiement_mode_reference_key" ON "Paiement"("mode", "reference");

-- CreateIndex
CREATE INDEX "AffectationPaiement_factureId_idx" ON "AffectationPaiement"("factureId");

-- AddForeignKey
ALTER TABLE "QuotientFamilial" ADD CONSTRAINT "QuotientFamilial_familleId_fkey" FOREIGN KEY ("familleId") REFERENCES "Famille"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tarif" ADD CONSTRAINT "Tarif_activiteId_fkey" FOREIGN KEY ("activiteId") REFERENCES "Activite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tarif" ADD CONSTRAINT "Tarif_uniteId_fkey" FOREIGN KEY ("uniteId") REFERENCES "Unite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tarif" ADD CONSTRAINT "Tarif_anneeId_fkey" FOREIGN KEY ("anneeId") REFERENCES "AnneeScolaire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrancheTarif" ADD CONSTRAINT "TrancheTarif_tarifId_fkey" FOREIGN KEY ("tarifId") REFERENCES "Tarif"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Facture" ADD CONSTRAINT "Facture_familleId_fkey" FOREIGN KEY ("familleId") REFERENCES "Famille"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LigneFacture" ADD CONSTRAINT "LigneFacture_factureId_fkey" FOREIGN KEY ("factureId") REFERENCES "Facture"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LigneFacture" ADD CONSTRAINT "LigneFacture_enfantId_fkey" FOREIGN KEY ("enfantId") REFERENCES "Enfant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LigneFacture" ADD CONSTRAINT "LigneFacture_activiteId_fkey" FOREIGN KEY ("activiteId") REFERENCES "Activite"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LigneFacture" ADD CONSTRAINT "LigneFacture_uniteId_fkey" FOREIGN KEY ("uniteId") REFERENCES "Unite"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportFacturation" ADD CONSTRAINT "ReportFacturation_familleId_fkey" FOREIGN KEY ("familleId") REFERENCES "Famille"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportFacturation" ADD CONSTRAINT "ReportFacturation_factureId_fkey" FOREIGN KEY ("factureId") REFERENCES "Facture"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Avoir" ADD CONSTRAINT "Avoir_factureId_fkey" FOREIGN KEY ("factureId") REFERENCES "Facture"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Paiement" ADD CONSTRAINT "Paiement_familleId_fkey" FOREIGN KEY ("familleId") REFERENCES "Famille"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AffectationPaiement" ADD CONSTRAINT "AffectationPaiement_paiementId_fkey" FOREIGN KEY ("paiementId") REFERENCES "Paiement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AffectationPaiement" ADD CONSTRAINT "AffectationPaiement_factureId_fkey" FOREIGN KEY ("factureId") REFERENCES "Facture"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Money invariants the database keeps whatever the code does
ALTER TABLE "LigneFacture" ADD CONSTRAINT "LigneFacture_montant_exact" CHECK ("montantCentimes" = "quantite" * "prixUnitaireCentimes");
ALTER TABLE "Paiement" ADD CONSTRAINT "Paiement_montant_positif" CHECK ("montantCentimes" > 0);
ALTER TABLE "AffectationPaiement" ADD CONSTRAINT "AffectationPaiement_montant_positif" CHECK ("montantCentimes" > 0);
ALTER TABLE "TrancheTarif" ADD CONSTRAINT "TrancheTarif_bornes" CHECK ("qfMax" IS NULL OR "qfMax" > "qfMin");
