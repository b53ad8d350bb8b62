import Link from "@/components/ui/Link";
import type { TokenState } from "@/lib/auth/account-tokens";

type Problem = Exclude<TokenState["state"], "valid">;

const TITLES: Record<Problem, string> = {
  used: "This link has already been used",
  expired: "This link has expired",
  unknown: "This link is not valid",
};

/** What a person sees when an e-mailed link cannot be used: why, and what to do instead. */
export function LinkProblem({ problem, purpose }: { problem: Problem; purpose: "INVITATION" | "PASSWORD_RESET" }) {
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold md:text-4xl">{TITLES[problem]}</h1>
      {problem === "unknown" ? (
        <p className="mb-4">
          Check that you copied the whole link from the e-mail. A link from an older e-mail stops working when a newer one is sent.
        </p>
      ) : null}
      {purpose === "INVITATION" ? (
        <>
          <p className="mb-4">Invitation links work once, for 7 days.</p>
          <p className="mb-4">
            If you have already set your password, <Link href="/sign-in">sign in</Link>. If you have forgotten it,{" "}
            <Link href="/forgot-password">reset your password</Link>. Otherwise, ask a Centre admin to send you a new invitation.
          </p>
        </>
      ) : (
        <>
          <p className="mb-4">Password reset links work once, for 1 hour.</p>
          <p className="mb-4">
            <Link href="/forgot-password">Ask for a new link</Link>, or <Link href="/sign-in">sign in</Link> if you know your password.
          </p>
        </>
      )}
    </>
  );
}
