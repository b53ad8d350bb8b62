-- DropIndex
DROP INDEX "ImpactReturn_period_idx";
