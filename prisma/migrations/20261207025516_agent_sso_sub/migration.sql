-- AlterTable
ALTER TABLE "Agent" ADD COLUMN     "ssoSub" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Agent_ssoSub_key" ON "Agent"("ssoSub");
