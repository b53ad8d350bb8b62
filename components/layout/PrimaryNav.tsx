"use client";

import Link from "@/components/ui/Link";
import { usePathname } from "next/navigation";

export type NavLink = { href: string; label: string };

/** Header navigation; client-side only to mark the current section (layouts are not given the pathname). */
export function PrimaryNav({ links, label = "Primary" }: { links: NavLink[]; label?: string }) {
  const pathname = usePathname() ?? "";
  if (links.length === 0) return null;
  return (
    <nav aria-label={label} className="border-t border-white/25">
      <ul className="nhs-container flex flex-wrap gap-x-6">
        {links.map(({ href, label: text }) => {
          const exact = pathname === href;
          const inSection = exact || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={exact ? "page" : inSection ? "true" : undefined}
                className={`block border-b-4 py-3 text-base font-bold text-white no-underline hover:text-white hover:underline ${
                  inSection ? "border-white" : "border-transparent"
                }`}
              >
                {text}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
