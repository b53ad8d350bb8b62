import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    template: "%s – Advanced Practice Credentials",
    default: "Advanced Practice Credentials",
  },
  description:
    "NHS England Centre for Advancing Practice: priority setting, endorsement, delivery and review of advanced practice credentials.",
};

/** Route-group layouts add the header, `<main id="main-content">` and footer. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry the request's CSP nonce (see lib/security/headers.ts),
  // which a page prerendered at build time could not know.
  await connection();
  return (
    <html lang="en-GB">
      <body className="flex min-h-dvh flex-col">
        <a href="#main-content" className="nhs-skip-link">
          Skip to main content
        </a>
        {children}
      </body>
    </html>
  );
}
