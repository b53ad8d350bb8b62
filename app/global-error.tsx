"use client";
import "./globals.css";
import { ServiceProblem } from "@/components/errors/ServiceProblem";

/** When even the root layout fails: the same page, with its own document. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <head>
        <title>Sorry, there is a problem with the service – Advanced Practice Credentials</title>
      </head>
      <body className="flex min-h-dvh flex-col">
        <ServiceProblem reference={error.digest} retry={reset} />
      </body>
    </html>
  );
}
