-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "timeZone" TEXT;
