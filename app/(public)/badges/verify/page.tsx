import type { Metadata } from "next";
import { VerifyForm } from "@/components/badges/VerifyForm";
import { PageHeading } from "@/components/ui";
import { verifyBadge } from "./actions";

export const metadata: Metadata = { title: "Check a signed badge" };

// Route handlers (JSON), not pages: plain links, so the browser shows the document itself.
const ISSUER = "/badges/issuer";
const KEYS = "/badges/issuer/jwks";
export const dynamic = "force-dynamic";

/** Anyone can check a signed badge they hold: its signature against the Centre's key, and whether it was revoked. */
export default function VerifyBadgePage() {
  return (
    <>
      <PageHeading
        caption="Digital badges"
        title="Check a signed badge"
        lede="Check that a digital badge was issued by the Centre for Advancing Practice, has not been changed since, and has not been revoked."
      />
      <VerifyForm action={verifyBadge} />
      <p className="mt-8">
        The Centre signs its badges with the key published at <a href={KEYS}>{KEYS}</a> (issuer profile: <a href={ISSUER}>{ISSUER}</a>).
      </p>
    </>
  );
}
