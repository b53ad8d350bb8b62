"use client";
import { useEffect } from "react";
import { ServiceProblem } from "@/components/errors/ServiceProblem";
import { BODY_TOO_LARGE_MESSAGE } from "@/lib/errors";

const TOO_LARGE = { title: "What you sent is too large", detail: BODY_TOO_LARGE_MESSAGE };

/**
 * Any page that fails unexpectedly. The server has logged the error; the browser sees only its
 * reference. A form refused as too large (lib/security/body-limit.ts) arrives here as an error
 * carrying that message when it was sent by script.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const problem = error.message === BODY_TOO_LARGE_MESSAGE ? TOO_LARGE : undefined;
  const title = problem?.title ?? "Sorry, there is a problem with the service";
  useEffect(() => {
    document.title = `${title} – Advanced Practice Credentials`;
  }, [title]);
  return <ServiceProblem problem={problem} reference={error.digest} retry={reset} />;
}
