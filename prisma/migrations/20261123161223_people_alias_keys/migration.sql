-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "mergedIntoId" TEXT;

-- CreateTable
CREATE TABLE "PersonKey" (
    "tenantId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "personId" TEXT NOT NULL,

    CONSTRAINT "PersonKey_pkey" PRIMARY KEY ("tenantId","key")
);

-- CreateTable
CREATE TABLE "TenantDomainAlias" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "canonical" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TenantDomainAlias_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PersonKey_personId_idx" ON "PersonKey"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "TenantDomainAlias_tenantId_domain_key" ON "TenantDomainAlias"("tenantId", "domain");

-- AddForeignKey
ALTER TABLE "PersonKey" ADD CONSTRAINT "PersonKey_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every existing person is reached through its own address until the next linkPeople adds aliases.
INSERT INTO "PersonKey" ("tenantId", "key", "personId") SELECT "tenantId", "emailNorm", "id" FROM "Person" ON CONFLICT DO NOTHING;
