import type { Metadata } from "next";
import { VerifyForm } from "@/components/badges/VerifyForm";
import { PageHeading } from "@/components/ui";
import { verifyBadge } from "./actions";

export const metadata: Metadata = { title: "Check a signed badge" };
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
        The Centre signs its badges with the key published at <a href="/badges/issuer/jwks">/badges/issuer/jwks</a> (issuer profile:{" "}
        <a href="/badges/issuer">/badges/issuer</a>).
      </p>
    </>
  );
}
