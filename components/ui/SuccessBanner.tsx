"use client";
import { useEffect, useId, useRef } from "react";
import type { Banner } from "@/lib/done";

export type SuccessBannerProps = {
  /** What was done, from the page's `?done=` key (see `lib/done.ts`); nothing is shown without one. */
  banner?: Banner | string | null;
};

/**
 * NHS success notification banner, shown at the top of the main content after a change. It is on the page the server
 * renders (so it works without JavaScript) and a status region; with JavaScript it also takes focus, as the NHS
 * pattern does, so a screen reader reads it out after the page changed under the person.
 */
export function SuccessBanner({ banner }: SuccessBannerProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const content = typeof banner === "string" ? { heading: banner } : banner;
  useEffect(() => {
    ref.current?.focus();
  }, [content?.heading]);
  if (!content) return null;
  return (
    <div
      ref={ref}
      role="status"
      aria-labelledby={titleId}
      tabIndex={-1}
      className="mb-8 border-4 border-nhs-green bg-nhs-green focus:outline-4 focus:outline-offset-0 focus:outline-nhs-yellow"
    >
      <h2 id={titleId} className="px-4 py-1 text-base font-bold text-white md:px-6">
        Success
      </h2>
      <div className="bg-white p-4 md:p-6 [&>:last-child]:mb-0">
        <h3 className="mb-2 text-xl font-bold text-nhs-dark-green md:text-2xl">{content.heading}</h3>
        {content.body ? <p>{content.body}</p> : null}
      </div>
    </div>
  );
}
