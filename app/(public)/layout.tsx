import { Footer } from "@/components/layout/Footer";
import { PublicHeader } from "@/components/layout/PublicHeader";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PublicHeader />
      <main id="main-content" className="nhs-container w-full flex-1 py-8">
        {children}
      </main>
      <Footer />
    </>
  );
}
