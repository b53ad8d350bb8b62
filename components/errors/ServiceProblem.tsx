"use client";
import Link from "@/components/ui/Link";
import { Button } from "@/components/ui/Button";

type Props = {
  /** For a failure the user can fix (a form too large to send): what happened and what to do. */
  problem?: { title: string; detail: string };
  /** The server's reference for the failure (Next's error digest), which support can match to the log. */
  reference?: string;
  retry: () => void;
};

/** The NHS "problem with the service" page: what happened, and what to do next. Never the error itself. */
export function ServiceProblem({ problem, reference, retry }: Props) {
  return (
    <main id="main-content" className="nhs-container py-10">
      <h1 className="mb-6 text-3xl font-bold">{problem?.title ?? "Sorry, there is a problem with the service"}</h1>
      <p className="mb-4">{problem?.detail ?? "Anything you were saving when this happened may not have been saved."}</p>
      <p className="mb-4">You can:</p>
      <ul className="mb-6 list-disc pl-6">
        <li className="mb-2">try again now</li>
        <li className="mb-2">
          <Button type="button" variant="link" onClick={() => history.back()}>
            go back to the previous page
          </Button>{" "}
          and check whether your change was saved
        </li>
        <li className="mb-2">
          <Link href="/dashboard">go to your dashboard</Link>
        </li>
      </ul>
      <Button type="button" className="mb-6" onClick={retry}>
        Try again
      </Button>
      <p className="mb-4">
        If it keeps happening, contact the Centre for Advancing Practice support team
        {reference ? (
          <>
            {" "}
            and give them this reference: <strong>{reference}</strong>
          </>
        ) : null}
        .
      </p>
    </main>
  );
}
