-- CreateTable
CREATE TABLE "TrugridUserState" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "upn" TEXT NOT NULL,
    "mfaOn" BOOLEAN,
    "mfaSetAt" TIMESTAMP(3),
    "mfaSetBy" TEXT,
    "mfaResetAt" TIMESTAMP(3),
    "mfaResetBy" TEXT,
    "udpOn" BOOLEAN,
    "udpSetAt" TIMESTAMP(3),
    "udpSetBy" TEXT,

    CONSTRAINT "TrugridUserState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TrugridUserState_tenantId_upn_key" ON "TrugridUserState"("tenantId", "upn");
