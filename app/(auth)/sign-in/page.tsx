import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { SignInForm } from "./SignInForm";
import { currentUser } from "@/lib/auth/session";
import { Footer } from "@/components/layout/Footer";
import { PublicHeader } from "@/components/layout/PublicHeader";
import { InsetText } from "@/components/ui";
import { searchText } from "@/lib/params";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; signedOut?: string }> }) {
  if (await currentUser()) redirect("/dashboard");
  const { callbackUrl: rawCallback, signedOut } = await searchParams;
  const callbackUrl = searchText(rawCallback, 2000) || undefined;
  return (
    <>
      <PublicHeader />
      <main id="main-content" className="nhs-container py-10">
        <div className="max-w-xl">
          <h1 className="mb-6 text-3xl font-bold md:text-4xl">Sign in</h1>
          {signedOut ? (
            <InsetText>{signedOut === "everywhere" ? "You have signed out on every device." : "You have signed out."}</InsetText>
          ) : null}
          <p className="mb-6">
            Sign in to manage advanced-practice credentials: priorities, specifications, endorsement, delivery and review.
          </p>
          <SignInForm callbackUrl={callbackUrl} />
          <p className="mt-6">
            <Link href="/forgot-password">Forgot your password?</Link>
          </p>
        </div>
      </main>
      <Footer />
    </>
  );
}
