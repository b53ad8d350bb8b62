import type { ReactNode } from "react";

export type PageHeadingProps = {
  title: ReactNode;
  /** Context above the title, e.g. the credential reference "APC-0007". Read as part of the heading. */
  caption?: ReactNode;
  /** A short introductory paragraph below the heading. */
  lede?: ReactNode;
};

/** The page's single h1, with an optional NHS caption. */
export function PageHeading({ title, caption, lede }: PageHeadingProps) {
  return (
    <>
      <h1 className="mb-6">
        {caption ? (
          <span className="mb-1 block text-xl font-normal text-nhs-secondary md:text-2xl">
            {caption}
            <span className="sr-only"> – </span>
          </span>
        ) : null}
        {title}
      </h1>
      {lede ? <p className="mb-8 text-xl md:text-2xl">{lede}</p> : null}
    </>
  );
}
