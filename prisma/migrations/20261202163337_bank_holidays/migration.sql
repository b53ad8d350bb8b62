-- CreateTable
CREATE TABLE "BankHoliday" (
    "id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BankHoliday_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BankHoliday_date_key" ON "BankHoliday"("date");

-- England and Wales bank holidays for 2025 to 2027, as GOV.UK publishes them ("UK bank holidays",
-- https://www.gov.uk/bank-holidays). When Christmas Day or Boxing Day falls at a weekend the substitute weekday is the
-- bank holiday, so 2026 has 28 December and 2027 has 27 and 28 December. Later years are added as data by admins.
INSERT INTO "BankHoliday" ("id", "date", "name", "source") VALUES
  ('bank-holiday-2025-01-01', DATE '2025-01-01', 'New Year’s Day', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2025-04-18', DATE '2025-04-18', 'Good Friday', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2025-04-21', DATE '2025-04-21', 'Easter Monday', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2025-05-05', DATE '2025-05-05', 'Early May bank holiday', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2025-05-26', DATE '2025-05-26', 'Spring bank holiday', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2025-08-25', DATE '2025-08-25', 'Summer bank holiday', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2025-12-25', DATE '2025-12-25', 'Christmas Day', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2025-12-26', DATE '2025-12-26', 'Boxing Day', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2026-01-01', DATE '2026-01-01', 'New Year’s Day', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2026-04-03', DATE '2026-04-03', 'Good Friday', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2026-04-06', DATE '2026-04-06', 'Easter Monday', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2026-05-04', DATE '2026-05-04', 'Early May bank holiday', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2026-05-25', DATE '2026-05-25', 'Spring bank holiday', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2026-08-31', DATE '2026-08-31', 'Summer bank holiday', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2026-12-25', DATE '2026-12-25', 'Christmas Day', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2026-12-28', DATE '2026-12-28', 'Boxing Day (substitute day)', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2027-01-01', DATE '2027-01-01', 'New Year’s Day', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2027-03-26', DATE '2027-03-26', 'Good Friday', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2027-03-29', DATE '2027-03-29', 'Easter Monday', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2027-05-03', DATE '2027-05-03', 'Early May bank holiday', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2027-05-31', DATE '2027-05-31', 'Spring bank holiday', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2027-08-30', DATE '2027-08-30', 'Summer bank holiday', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2027-12-27', DATE '2027-12-27', 'Christmas Day (substitute day)', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays'),
  ('bank-holiday-2027-12-28', DATE '2027-12-28', 'Boxing Day (substitute day)', 'GOV.UK, UK bank holidays: England and Wales, https://www.gov.uk/bank-holidays');
