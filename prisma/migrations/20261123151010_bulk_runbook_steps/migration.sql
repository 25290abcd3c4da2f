-- AlterTable
ALTER TABLE "BulkRow" ADD COLUMN     "operation" TEXT;
