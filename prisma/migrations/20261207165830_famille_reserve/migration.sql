-- AlterTable
ALTER TABLE "Famille" ADD COLUMN     "agendaVersion" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Inscription" ADD COLUMN     "unitesSouscrites" INTEGER[] DEFAULT ARRAY[]::INTEGER[];

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "appareil" TEXT,
ADD COLUMN     "seSouvenir" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Usager" ADD COLUMN     "rappelCloture" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RappelCloture" (
    "usagerId" TEXT NOT NULL,
    "cloture" TIMESTAMP(3) NOT NULL,
    "envoyeLe" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RappelCloture_pkey" PRIMARY KEY ("usagerId","cloture")
);

-- AddForeignKey
ALTER TABLE "RappelCloture" ADD CONSTRAINT "RappelCloture_usagerId_fkey" FOREIGN KEY ("usagerId") REFERENCES "Usager"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The unit an inscription chose before several could be subscribed is its one subscribed unit.
UPDATE "Inscription" SET "unitesSouscrites" = ARRAY["uniteId"] WHERE "uniteId" IS NOT NULL;
