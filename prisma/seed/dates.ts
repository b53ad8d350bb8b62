// Dates relative to the moment the seed runs, so "due soon" and "overdue" stay true in a demo database.
const DAY = 24 * 60 * 60 * 1000;

let now = new Date();

/** Fixes "now" for one seed run, so every relative date agrees. */
export function startClock(at: Date = new Date()): void {
  now = new Date(at.getTime());
}

export function daysAgo(days: number): Date {
  return new Date(now.getTime() - days * DAY);
}

export function daysFromNow(days: number): Date {
  return daysAgo(-days);
}

/** Calendar months back from now (negative for the future), same time of day. */
export function monthsAgo(months: number): Date {
  const d = new Date(now.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY);
}

export function addYears(from: Date, years: number): Date {
  const d = new Date(from.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d;
}

/** Midnight UTC, for `@db.Date` columns. */
export function dateOnly(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function currentYear(): number {
  return now.getUTCFullYear();
}
