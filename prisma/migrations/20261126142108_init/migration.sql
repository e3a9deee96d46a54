-- CreateEnum
CREATE TYPE "DocumentType" AS ENUM ('CGU');

-- CreateEnum
CREATE TYPE "Civilite" AS ENUM ('MADAME', 'MONSIEUR');

-- CreateEnum
CREATE TYPE "MoyenContact" AS ENUM ('COURRIEL', 'TELEPHONE', 'MOBILE');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('ACTIVATION', 'PASSWORD_RESET');

-- CreateEnum
CREATE TYPE "RoleAgent" AS ENUM ('AGENT', 'ADMIN');

-- CreateEnum
CREATE TYPE "SessionKind" AS ENUM ('USAGER', 'AGENT');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "Commune" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "nom" TEXT NOT NULL,
    "serviceNom" TEXT NOT NULL DEFAULT 'Service Enfance',
    "serviceEmail" TEXT NOT NULL,
    "telephone" TEXT,
    "adresse" TEXT,
    "siteUrl" TEXT,

    CONSTRAINT "Commune_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentVersion" (
    "id" SERIAL NOT NULL,
    "type" "DocumentType" NOT NULL,
    "version" INTEGER NOT NULL,
    "contenu" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Usager" (
    "id" TEXT NOT NULL,
    "identifiant" TEXT NOT NULL,
    "identifiantNormalise" TEXT NOT NULL,
    "courriel" TEXT NOT NULL,
    "courrielNormalise" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "civilite" "Civilite" NOT NULL,
    "nomUsage" TEXT NOT NULL,
    "nomNaissance" TEXT,
    "prenoms" TEXT NOT NULL,
    "dateNaissance" DATE,
    "paysNaissance" TEXT,
    "departementNaissance" TEXT,
    "communeNaissance" TEXT,
    "photoKey" TEXT,
    "adresseNumero" TEXT,
    "adresseVoie" TEXT,
    "adresseComplement" TEXT,
    "codePostal" TEXT,
    "ville" TEXT,
    "pays" TEXT,
    "telephone" TEXT,
    "mobile" TEXT,
    "moyenContactPrefere" "MoyenContact",
    "cleEnfanceSaisie" TEXT,
    "cguVersion" INTEGER NOT NULL,
    "cguAcceptedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatedAt" TIMESTAMP(3),
    "lastLoginAt" TIMESTAMP(3),
    "previousLoginAt" TIMESTAMP(3),

    CONSTRAINT "Usager_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsagerToken" (
    "id" TEXT NOT NULL,
    "usagerId" TEXT NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsagerToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agent" (
    "id" TEXT NOT NULL,
    "identifiant" TEXT NOT NULL,
    "identifiantNormalise" TEXT NOT NULL,
    "courriel" TEXT NOT NULL,
    "nom" TEXT NOT NULL,
    "prenom" TEXT NOT NULL,
    "role" "RoleAgent" NOT NULL DEFAULT 'AGENT',
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMP(3),

    CONSTRAINT "Agent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "kind" "SessionKind" NOT NULL,
    "usagerId" TEXT,
    "agentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "ip" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" BIGSERIAL NOT NULL,
    "kind" "SessionKind" NOT NULL,
    "identifiant" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JournalEntry" (
    "id" BIGSERIAL NOT NULL,
    "event" TEXT NOT NULL,
    "actorKind" TEXT,
    "actorId" TEXT,
    "ip" TEXT,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JournalEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WizardDraft" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "wizard" TEXT NOT NULL,
    "step" INTEGER NOT NULL DEFAULT 0,
    "reached" INTEGER NOT NULL DEFAULT 0,
    "data" JSONB NOT NULL DEFAULT '{}',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WizardDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AltchaSolution" (
    "signature" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AltchaSolution_pkey" PRIMARY KEY ("signature")
);

-- CreateTable
CREATE TABLE "OutboxMail" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "transport" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentVersion_type_version_key" ON "DocumentVersion"("type", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Usager_identifiantNormalise_key" ON "Usager"("identifiantNormalise");

-- CreateIndex
CREATE UNIQUE INDEX "Usager_courrielNormalise_key" ON "Usager"("courrielNormalise");

-- CreateIndex
CREATE UNIQUE INDEX "UsagerToken_tokenHash_key" ON "UsagerToken"("tokenHash");

-- CreateIndex
CREATE INDEX "UsagerToken_usagerId_purpose_idx" ON "UsagerToken"("usagerId", "purpose");

-- CreateIndex
CREATE UNIQUE INDEX "Agent_identifiantNormalise_key" ON "Agent"("identifiantNormalise");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_usagerId_idx" ON "Session"("usagerId");

-- CreateIndex
CREATE INDEX "Session_agentId_idx" ON "Session"("agentId");

-- CreateIndex
CREATE INDEX "LoginAttempt_kind_identifiant_createdAt_idx" ON "LoginAttempt"("kind", "identifiant", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_kind_ip_createdAt_idx" ON "LoginAttempt"("kind", "ip", "createdAt");

-- CreateIndex
CREATE INDEX "JournalEntry_event_createdAt_idx" ON "JournalEntry"("event", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WizardDraft_tokenHash_key" ON "WizardDraft"("tokenHash");

-- CreateIndex
CREATE INDEX "OutboxMail_status_nextAttemptAt_idx" ON "OutboxMail"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "UsagerToken" ADD CONSTRAINT "UsagerToken_usagerId_fkey" FOREIGN KEY ("usagerId") REFERENCES "Usager"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_usagerId_fkey" FOREIGN KEY ("usagerId") REFERENCES "Usager"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE CASCADE ON UPDATE CASCADE;
