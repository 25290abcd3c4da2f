-- AlterTable
ALTER TABLE "StaffUser" ADD COLUMN     "density" TEXT NOT NULL DEFAULT 'comfortable';

-- The two densities the console knows; anything else would render as neither.
ALTER TABLE "StaffUser" ADD CONSTRAINT "StaffUser_density_check" CHECK ("density" IN ('comfortable', 'compact'));
