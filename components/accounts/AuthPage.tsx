import type { ReactNode } from "react";
import { Footer } from "@/components/layout/Footer";
import { PublicHeader } from "@/components/layout/PublicHeader";

/** The frame of the pages used without signing in: sign in, forgotten password, e-mailed links. */
export function AuthPage({ children }: { children: ReactNode }) {
  return (
    <>
      <PublicHeader />
      <main id="main-content" className="nhs-container py-10">
        <div className="max-w-xl">{children}</div>
      </main>
      <Footer />
    </>
  );
}
