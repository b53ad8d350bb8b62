import { NotFoundMessage } from "@/components/layout/NotFoundMessage";

/** An address no route matches: only the root layout is around it, so this page brings its own `<main>`. */
export default function NotFound() {
  return (
    <main id="main-content" className="nhs-container py-10">
      <NotFoundMessage />
    </main>
  );
}
