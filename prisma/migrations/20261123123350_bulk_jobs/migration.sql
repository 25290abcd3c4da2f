-- CreateEnum
CREATE TYPE "BulkJobStatus" AS ENUM ('planned', 'queued', 'running', 'cancelling', 'cancelled', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "BulkRowPlan" AS ENUM ('create', 'update', 'no_change', 'error');

-- CreateEnum
CREATE TYPE "BulkRowStatus" AS ENUM ('pending', 'sending', 'succeeded', 'failed', 'skipped', 'unknown', 'cancelled');

-- CreateTable
CREATE TABLE "BulkJob" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" "BulkJobStatus" NOT NULL DEFAULT 'planned',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedById" TEXT,
    "confirmedAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "planCounts" JSONB NOT NULL DEFAULT '{}',
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    "headers" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "bossJobId" TEXT,

    CONSTRAINT "BulkJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkRow" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "input" JSONB NOT NULL,
    "plan" "BulkRowPlan" NOT NULL,
    "planError" TEXT,
    "before" JSONB,
    "after" JSONB,
    "status" "BulkRowStatus" NOT NULL DEFAULT 'pending',
    "vendorMessage" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "auditEventId" TEXT,

    CONSTRAINT "BulkRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BulkJob_tenantId_createdAt_idx" ON "BulkJob"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "BulkRow_jobId_status_line_idx" ON "BulkRow"("jobId", "status", "line");

-- CreateIndex
CREATE UNIQUE INDEX "BulkRow_jobId_line_key" ON "BulkRow"("jobId", "line");

-- AddForeignKey
ALTER TABLE "BulkRow" ADD CONSTRAINT "BulkRow_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "BulkJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
