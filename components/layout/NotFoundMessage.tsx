import Link from "@/components/ui/Link";

/** What every not-found page says; the layout around it provides the page's one `<main>`. */
export function NotFoundMessage() {
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">Page not found</h1>
      <p className="mb-4">If you typed the web address, check it is correct.</p>
      <p className="mb-4">The page may have moved, or you may not have access to it.</p>
      <p>
        <Link href="/dashboard">Go to your dashboard</Link>
      </p>
    </>
  );
}
