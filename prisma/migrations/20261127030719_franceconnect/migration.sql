-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "idTokenFranceconnect" TEXT;

-- AlterTable
ALTER TABLE "Usager" ADD COLUMN     "franceconnectSub" TEXT,
ALTER COLUMN "passwordHash" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Usager_franceconnectSub_key" ON "Usager"("franceconnectSub");
