import { DEFAULT_REVIEW_INTERVAL_YEARS } from "@/lib/workflow";

/** Years from an endorsement to its periodic review (`REVIEW_INTERVAL_YEARS`, default 3). */
export function reviewIntervalYears(): number {
  const years = Number.parseInt(process.env.REVIEW_INTERVAL_YEARS ?? "", 10);
  return Number.isInteger(years) && years > 0 ? years : DEFAULT_REVIEW_INTERVAL_YEARS;
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
