-- AlterTable
ALTER TABLE "VendorObject" ADD COLUMN     "attributes" JSONB;
