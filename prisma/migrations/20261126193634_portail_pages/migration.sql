-- CreateEnum
CREATE TYPE "CategorieDocumentUtile" AS ENUM ('REGLEMENT', 'MENUS', 'FORMULAIRES');

-- CreateTable
CREATE TABLE "Actualite" (
    "id" TEXT NOT NULL,
    "titre" TEXT NOT NULL,
    "texte" TEXT NOT NULL,
    "publieeLe" TIMESTAMP(3),
    "creeeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "creeeParId" TEXT NOT NULL,

    CONSTRAINT "Actualite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentUtile" (
    "id" TEXT NOT NULL,
    "titre" TEXT NOT NULL,
    "categorie" "CategorieDocumentUtile" NOT NULL,
    "fichierKey" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "nomFichier" TEXT NOT NULL,
    "taille" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "publieLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publieParId" TEXT NOT NULL,

    CONSTRAINT "DocumentUtile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InfosPratiques" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "horaires" TEXT NOT NULL DEFAULT '',
    "adresse" TEXT NOT NULL DEFAULT '',
    "contacts" TEXT NOT NULL DEFAULT '',
    "modifieesLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InfosPratiques_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Actualite_publieeLe_idx" ON "Actualite"("publieeLe");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentUtile_fichierKey_key" ON "DocumentUtile"("fichierKey");

-- CreateIndex
CREATE INDEX "DocumentUtile_categorie_publieLe_idx" ON "DocumentUtile"("categorie", "publieLe");
