import { DEFAULT_REMAPPING_INTERVAL_DAYS, DEFAULT_REVIEW_INTERVAL_YEARS } from "@/lib/workflow";

/** Years from an endorsement to its periodic review (`REVIEW_INTERVAL_YEARS`, default 3). */
export function reviewIntervalYears(): number {
  const years = Number.parseInt(process.env.REVIEW_INTERVAL_YEARS ?? "", 10);
  return Number.isInteger(years) && years > 0 ? years : DEFAULT_REVIEW_INTERVAL_YEARS;
}

/**
 * Days a provider has to re-map a plan to a newly endorsed specification version (`REMAPPING_INTERVAL_DAYS`). The
 * Centre publishes no figure; the default of 90 stands until the Centre sets its own.
 */
export function remappingIntervalDays(): number {
  const days = Number.parseInt(process.env.REMAPPING_INTERVAL_DAYS ?? "", 10);
  return Number.isInteger(days) && days > 0 ? days : DEFAULT_REMAPPING_INTERVAL_DAYS;
}

/** The app's public URL (`APP_URL`; `NEXTAUTH_URL` is still read for older set-ups). https makes cookies Secure. */
export function appUrl(): string {
  return process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? "";
}

/** An absolute link to a path of this app, for e-mails (`APP_URL`, else this machine's port). */
export function absoluteUrl(path: string): string {
  const base = appUrl() || `http://localhost:${process.env.PORT ?? "3000"}`;
  return `${base.replace(/\/+$/, "")}${path}`;
}

/**
 * The read replica's URL (`DATABASE_REPLICA_URL`), or null when there is none (unset or blank). Anything else must
 * be a PostgreSQL URL: a mistyped value stops the app instead of quietly sending every read to the primary. The
 * message never repeats the value, which holds a password.
 */
export function replicaDatabaseUrl(value = process.env.DATABASE_REPLICA_URL): string | null {
  const url = value?.trim();
  if (!url) return null;
  const protocol = URL.canParse(url) ? new URL(url).protocol : "";
  if (protocol !== "postgresql:" && protocol !== "postgres:") {
    throw new Error(
      "DATABASE_REPLICA_URL is not a PostgreSQL URL: set it to postgresql://user:password@host:5432/database, or leave it unset.",
    );
  }
  return url;
}
