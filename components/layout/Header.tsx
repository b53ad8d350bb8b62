import Link from "@/components/ui/Link";
import type { ReactNode } from "react";
import { ROLE_LABELS } from "@/lib/workflow/types";
import { PrimaryNav, type NavLink } from "./PrimaryNav";

export type { NavLink };

export const headerLinkClass = "text-white no-underline hover:text-white hover:underline";

/** The blue NHS bar with the logo and service name; shared by the signed-in and public headers. */
export function HeaderBar({ homeHref, links, children }: { homeHref: string; links: NavLink[]; children: ReactNode }) {
  return (
    <header className="no-print bg-nhs-blue text-white">
      <div className="nhs-container flex flex-wrap items-center justify-between gap-x-8 gap-y-3 py-4">
        <Link href={homeHref} className={`flex items-center gap-3 ${headerLinkClass}`}>
          <span className="bg-white px-1.5 text-2xl leading-tight font-bold text-nhs-blue italic">NHS</span>{" "}
          <span className="text-xl font-bold">Advanced Practice Credentials</span>
        </Link>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-base">{children}</div>
      </div>
      <PrimaryNav links={links} />
    </header>
  );
}

export type HeaderProps = {
  links: NavLink[];
  /** A session user works as-is: the label comes from `roleLabel`, else from `ROLE_LABELS[role]`. */
  user: { name: string; role?: string; roleLabel?: string };
  unreadCount: number;
  signOutAction: () => Promise<void>;
  homeHref?: string;
  notificationsHref?: string;
  /** The signed-in person's own account page, linked from their name. */
  accountHref?: string;
};

/** Header for signed-in pages: role navigation, who is signed in, notifications and sign out. */
export function Header({
  links,
  user,
  unreadCount,
  signOutAction,
  homeHref = "/dashboard",
  notificationsHref = "/notifications",
  accountHref = "/account",
}: HeaderProps) {
  const roleLabel = user.roleLabel ?? (user.role ? (ROLE_LABELS as Record<string, string>)[user.role] : undefined);
  return (
    <HeaderBar homeHref={homeHref} links={links}>
      <p className="mb-0">
        <span className="sr-only">Signed in as </span>
        <Link href={accountHref} className={`font-bold ${headerLinkClass}`}>
          {user.name}
          <span className="sr-only"> (your account)</span>
        </Link>
        {roleLabel ? (
          <>
            <span className="sr-only">,</span> <span>({roleLabel})</span>
          </>
        ) : null}
      </p>
      <Link href={notificationsHref} className={`inline-flex min-h-6 items-center gap-2 ${headerLinkClass}`}>
        Notifications
        {unreadCount > 0 ? (
          <>
            <span className="sr-only">,</span>
            <span className="rounded-full bg-nhs-warm-yellow px-2 text-sm leading-6 font-bold text-nhs-text">
              {unreadCount}
              <span className="sr-only"> unread</span>
            </span>
          </>
        ) : null}
      </Link>
      <form action={signOutAction}>
        <button type="submit" className={`min-h-6 cursor-pointer ${headerLinkClass}`}>
          Sign out
        </button>
      </form>
    </HeaderBar>
  );
}
