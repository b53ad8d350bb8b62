import { StatusTag, WarningCallout } from "@/components/ui";

// The verdict on a signed badge in plain words: valid, revoked, tampered with, or not a badge the Centre can check.

export type VerdictState = "valid" | "revoked" | "tampered" | "not-a-badge" | "unreadable";

const HEADINGS: Record<VerdictState, string> = {
  valid: "This badge is valid",
  revoked: "This badge has been revoked",
  tampered: "This badge has been tampered with",
  "not-a-badge": "This is not a badge the Centre can confirm",
  unreadable: "This could not be checked",
};

const TAGS: Record<VerdictState, { status: string; label: string }> = {
  valid: { status: "RECOGNISED", label: "Valid" },
  revoked: { status: "REVOKED", label: "Revoked" },
  tampered: { status: "FAILED", label: "Tampered with" },
  "not-a-badge": { status: "FAILED", label: "Not confirmed" },
  unreadable: { status: "FAILED", label: "Not checked" },
};

export const verdictHeading = (state: VerdictState) => HEADINGS[state];

export function VerdictTag({ state }: { state: VerdictState }) {
  return <StatusTag status={TAGS[state].status} label={TAGS[state].label} />;
}

/** The callout for anything but a valid badge: what it means, in one or two sentences, under the verdict's own heading. */
export function VerdictCallout({ state, reason, headingLevel = 2 }: { state: VerdictState; reason?: string; headingLevel?: 2 | 3 }) {
  if (state === "valid") return null;
  const meaning =
    state === "revoked"
      ? "The Centre has revoked this badge. It is no longer evidence that the credential was completed."
      : state === "tampered"
        ? "Its signature does not match its contents, so it is not what the Centre issued. Do not rely on it."
        : "Do not rely on it as evidence that a credential was completed.";
  return (
    <WarningCallout heading="What this means" headingLevel={headingLevel}>
      {reason ? <p>{reason}</p> : null}
      <p>{meaning}</p>
    </WarningCallout>
  );
}
