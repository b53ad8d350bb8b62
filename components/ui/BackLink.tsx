import Link from "@/components/ui/Link";
import type { ReactNode } from "react";

export type BackLinkProps = { href: string; children?: ReactNode };

/** NHS back link, placed above the h1. */
export function BackLink({ href, children = "Back" }: BackLinkProps) {
  return (
    <div className="no-print mb-6">
      <Link href={href} className="inline-flex min-h-6 items-center gap-1 text-base">
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="size-5 fill-current">
          <path d="M8.5 12c0-.3.1-.5.3-.7l5-5c.4-.4 1-.4 1.4 0s.4 1 0 1.4L10.9 12l4.3 4.3c.4.4.4 1 0 1.4s-1 .4-1.4 0l-5-5c-.2-.2-.3-.4-.3-.7z" />
        </svg>
        {children}
      </Link>
    </div>
  );
}
