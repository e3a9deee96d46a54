-- AlterEnum
ALTER TYPE "PermissionAgent" ADD VALUE 'FACTURATION';

-- AlterTable
ALTER TABLE "Avoir" ADD COLUMN     "familleId" TEXT,
ALTER COLUMN "factureId" DROP NOT NULL;
-- the avoirs written before belong to the family of the invoice they cancel
UPDATE "Avoir" a SET "familleId" = f."familleId" FROM "Facture" f WHERE f.id = a."factureId";
ALTER TABLE "Avoir" ALTER COLUMN "familleId" SET NOT NULL;

-- AlterTable
ALTER TABLE "LigneFacture" ADD COLUMN     "jours" DATE[] DEFAULT ARRAY[]::DATE[],
ADD COLUMN     "regularisation" TEXT;

-- AlterTable
ALTER TABLE "Paiement" ADD COLUMN     "recuNumero" TEXT;

-- AlterTable
ALTER TABLE "ParametresFacturation" ADD COLUMN     "bic" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "iban" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "seuilAlerteCentimes" INTEGER NOT NULL DEFAULT 30000;

-- CreateTable
CREATE TABLE "PieceJointeCourriel" (
    "id" TEXT NOT NULL,
    "mailId" TEXT NOT NULL,
    "nom" TEXT NOT NULL,
    "typeMime" TEXT NOT NULL,
    "contenu" BYTEA NOT NULL,

    CONSTRAINT "PieceJointeCourriel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LigneAvoir" (
    "id" TEXT NOT NULL,
    "avoirId" TEXT NOT NULL,
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
    "jours" DATE[] DEFAULT ARRAY[]::DATE[],
    "regularisation" TEXT NOT NULL,

    CONSTRAINT "LigneAvoir_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AffectationAvoir" (
    "avoirId" TEXT NOT NULL,
    "factureId" TEXT NOT NULL,
    "montantCentimes" INTEGER NOT NULL,

    CONSTRAINT "AffectationAvoir_pkey" PRIMARY KEY ("avoirId","factureId")
);

-- CreateIndex
CREATE INDEX "PieceJointeCourriel_mailId_idx" ON "PieceJointeCourriel"("mailId");

-- CreateIndex
CREATE INDEX "LigneAvoir_avoirId_idx" ON "LigneAvoir"("avoirId");

-- CreateIndex
CREATE INDEX "LigneAvoir_enfantId_idx" ON "LigneAvoir"("enfantId");

-- CreateIndex
CREATE INDEX "AffectationAvoir_factureId_idx" ON "AffectationAvoir"("factureId");

-- CreateIndex
CREATE INDEX "Avoir_familleId_idx" ON "Avoir"("familleId");

-- CreateIndex
CREATE UNIQUE INDEX "Paiement_recuNumero_key" ON "Paiement"("recuNumero");

-- AddForeignKey
ALTER TABLE "PieceJointeCourriel" ADD CONSTRAINT "PieceJointeCourriel_mailId_fkey" FOREIGN KEY ("mailId") REFERENCES "OutboxMail"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LigneAvoir" ADD CONSTRAINT "LigneAvoir_avoirId_fkey" FOREIGN KEY ("avoirId") REFERENCES "Avoir"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LigneAvoir" ADD CONSTRAINT "LigneAvoir_enfantId_fkey" FOREIGN KEY ("enfantId") REFERENCES "Enfant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Avoir" ADD CONSTRAINT "Avoir_familleId_fkey" FOREIGN KEY ("familleId") REFERENCES "Famille"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AffectationAvoir" ADD CONSTRAINT "AffectationAvoir_avoirId_fkey" FOREIGN KEY ("avoirId") REFERENCES "Avoir"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AffectationAvoir" ADD CONSTRAINT "AffectationAvoir_factureId_fkey" FOREIGN KEY ("factureId") REFERENCES "Facture"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
