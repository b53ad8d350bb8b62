"use client";
import { useEffect } from "react";
import { ServiceProblem } from "@/components/errors/ServiceProblem";

/** Any page that fails unexpectedly. The server has logged the error; the browser sees only its reference. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    document.title = "Sorry, there is a problem with the service – Advanced Practice Credentials";
  }, []);
  return <ServiceProblem reference={error.digest} retry={reset} />;
}
