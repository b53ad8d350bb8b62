// Clock arithmetic in whole days (UTC), shared by the scheduled jobs and the data layer.

export const DAY_MS = 24 * 60 * 60 * 1000;

export const addDays = (from: Date, days: number) => new Date(from.getTime() + days * DAY_MS);

/** Midnight UTC of the day `d` falls on — the form of `@db.Date` columns. */
export const startOfDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
