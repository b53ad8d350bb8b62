import type { ReactNode } from "react";

/** NHS inset text: a blue left border that sets a short note apart from the text around it. */
export function InsetText({ children }: { children: ReactNode }) {
  return (
    <div className="mb-8 border-l-8 border-nhs-blue bg-white px-4 py-3 md:px-6 [&>:last-child]:mb-0">
      <span className="sr-only">Information: </span>
      {children}
    </div>
  );
}
