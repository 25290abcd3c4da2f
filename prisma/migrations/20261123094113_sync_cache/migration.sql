-- CreateEnum
CREATE TYPE "SyncStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "status" "SyncStatus" NOT NULL DEFAULT 'queued',
    "trigger" TEXT NOT NULL,
    "jobId" TEXT,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "phase" TEXT,
    "pagesDone" INTEGER NOT NULL DEFAULT 0,
    "pagesTotal" INTEGER,
    "fetched" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "deleted" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "driftEvents" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncSchedule" (
    "tenantId" TEXT NOT NULL,
    "intervalMinutes" INTEGER NOT NULL DEFAULT 60,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncSchedule_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "PacerSlot" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PacerSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "emailNorm" TEXT NOT NULL,
    "displayName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrugridUser" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "upn" TEXT NOT NULL,
    "emailNorm" TEXT NOT NULL,
    "webIp" TEXT,
    "desktopIp" TEXT,
    "mobileIp" TEXT,
    "raw" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "syncRunId" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "TrugridUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TruuUser" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "tuid" TEXT,
    "upn" TEXT NOT NULL,
    "email" TEXT,
    "emailNorm" TEXT NOT NULL,
    "displayName" TEXT,
    "lastSynced" TIMESTAMP(3),
    "createdAtVendor" TIMESTAMP(3),
    "raw" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "syncRunId" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "TruuUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TruuDevice" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "deviceName" TEXT,
    "type" TEXT,
    "userGuid" TEXT,
    "userUpn" TEXT,
    "userDisplayName" TEXT,
    "userEmailNorm" TEXT,
    "appVersion" TEXT,
    "sdkVersion" TEXT,
    "softwareIdentifier" TEXT,
    "lastHeardFrom" TIMESTAMP(3),
    "assuranceLevel" INTEGER,
    "active" BOOLEAN,
    "createdAtVendor" TIMESTAMP(3),
    "raw" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "syncRunId" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "TruuDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TruuAsset" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "machineName" TEXT,
    "type" TEXT,
    "ips" TEXT[],
    "macs" TEXT[],
    "upns" TEXT[],
    "raw" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "syncRunId" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "TruuAsset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TwingateUser" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailNorm" TEXT NOT NULL,
    "firstName" TEXT,
    "lastName" TEXT,
    "state" TEXT NOT NULL,
    "role" TEXT,
    "type" TEXT,
    "createdAtVendor" TIMESTAMP(3),
    "raw" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "syncRunId" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "TwingateUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TwingateDevice" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "name" TEXT,
    "userVendorId" TEXT,
    "userEmailNorm" TEXT,
    "activeState" TEXT NOT NULL,
    "isTrusted" BOOLEAN NOT NULL,
    "deviceType" TEXT,
    "osName" TEXT,
    "osVersion" TEXT,
    "hostname" TEXT,
    "serialNumber" TEXT,
    "clientVersion" TEXT,
    "lastSuccessfulLoginAt" TIMESTAMP(3),
    "raw" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "syncRunId" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "TwingateDevice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JumpcloudUser" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailNorm" TEXT NOT NULL,
    "firstname" TEXT,
    "lastname" TEXT,
    "displayname" TEXT,
    "state" TEXT,
    "suspended" BOOLEAN,
    "accountLocked" BOOLEAN,
    "mfaConfigured" BOOLEAN,
    "totpEnabled" BOOLEAN,
    "mfaStatus" TEXT,
    "passwordExpired" BOOLEAN,
    "createdAtVendor" TIMESTAMP(3),
    "raw" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "syncRunId" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "JumpcloudUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JumpcloudSystem" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "hostname" TEXT,
    "displayName" TEXT,
    "os" TEXT,
    "osVersion" TEXT,
    "serialNumber" TEXT,
    "active" BOOLEAN,
    "lastContact" TIMESTAMP(3),
    "agentVersion" TEXT,
    "raw" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "syncRunId" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "JumpcloudSystem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorObject" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "kind" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "name" TEXT,
    "raw" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "syncRunId" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "VendorObject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorEdge" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "kind" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "attributes" JSONB,
    "raw" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "syncRunId" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "VendorEdge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SyncRun_tenantId_vendor_queuedAt_idx" ON "SyncRun"("tenantId", "vendor", "queuedAt");

-- CreateIndex
CREATE INDEX "SyncRun_status_idx" ON "SyncRun"("status");

-- CreateIndex
CREATE INDEX "PacerSlot_key_at_idx" ON "PacerSlot"("key", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Person_tenantId_emailNorm_key" ON "Person"("tenantId", "emailNorm");

-- CreateIndex
CREATE INDEX "TrugridUser_tenantId_emailNorm_idx" ON "TrugridUser"("tenantId", "emailNorm");

-- CreateIndex
CREATE UNIQUE INDEX "TrugridUser_tenantId_vendorId_key" ON "TrugridUser"("tenantId", "vendorId");

-- CreateIndex
CREATE INDEX "TruuUser_tenantId_emailNorm_idx" ON "TruuUser"("tenantId", "emailNorm");

-- CreateIndex
CREATE UNIQUE INDEX "TruuUser_tenantId_vendorId_key" ON "TruuUser"("tenantId", "vendorId");

-- CreateIndex
CREATE INDEX "TruuDevice_tenantId_userEmailNorm_idx" ON "TruuDevice"("tenantId", "userEmailNorm");

-- CreateIndex
CREATE INDEX "TruuDevice_tenantId_lastHeardFrom_idx" ON "TruuDevice"("tenantId", "lastHeardFrom");

-- CreateIndex
CREATE INDEX "TruuDevice_tenantId_type_idx" ON "TruuDevice"("tenantId", "type");

-- CreateIndex
CREATE UNIQUE INDEX "TruuDevice_tenantId_vendorId_key" ON "TruuDevice"("tenantId", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "TruuAsset_tenantId_vendorId_key" ON "TruuAsset"("tenantId", "vendorId");

-- CreateIndex
CREATE INDEX "TwingateUser_tenantId_emailNorm_idx" ON "TwingateUser"("tenantId", "emailNorm");

-- CreateIndex
CREATE UNIQUE INDEX "TwingateUser_tenantId_vendorId_key" ON "TwingateUser"("tenantId", "vendorId");

-- CreateIndex
CREATE INDEX "TwingateDevice_tenantId_userEmailNorm_idx" ON "TwingateDevice"("tenantId", "userEmailNorm");

-- CreateIndex
CREATE UNIQUE INDEX "TwingateDevice_tenantId_vendorId_key" ON "TwingateDevice"("tenantId", "vendorId");

-- CreateIndex
CREATE INDEX "JumpcloudUser_tenantId_emailNorm_idx" ON "JumpcloudUser"("tenantId", "emailNorm");

-- CreateIndex
CREATE UNIQUE INDEX "JumpcloudUser_tenantId_vendorId_key" ON "JumpcloudUser"("tenantId", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "JumpcloudSystem_tenantId_vendorId_key" ON "JumpcloudSystem"("tenantId", "vendorId");

-- CreateIndex
CREATE INDEX "VendorObject_tenantId_vendor_kind_name_idx" ON "VendorObject"("tenantId", "vendor", "kind", "name");

-- CreateIndex
CREATE UNIQUE INDEX "VendorObject_tenantId_vendor_kind_vendorId_key" ON "VendorObject"("tenantId", "vendor", "kind", "vendorId");

-- CreateIndex
CREATE INDEX "VendorEdge_tenantId_vendor_kind_fromId_idx" ON "VendorEdge"("tenantId", "vendor", "kind", "fromId");

-- CreateIndex
CREATE INDEX "VendorEdge_tenantId_vendor_kind_toId_idx" ON "VendorEdge"("tenantId", "vendor", "kind", "toId");

-- CreateIndex
CREATE UNIQUE INDEX "VendorEdge_tenantId_vendor_kind_vendorId_key" ON "VendorEdge"("tenantId", "vendor", "kind", "vendorId");
