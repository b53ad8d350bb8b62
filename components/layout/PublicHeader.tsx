import Link from "@/components/ui/Link";
import { HeaderBar, headerLinkClass, type NavLink } from "./Header";

export type PublicHeaderProps = { links?: NavLink[]; signInHref?: string; homeHref?: string };

/** Header for pages anyone can see (catalogue, accessibility statement). */
export function PublicHeader({
  links = [
    { href: "/catalogue", label: "Credential catalogue" },
    { href: "/directory", label: "Practitioner directory" },
  ],
  signInHref = "/sign-in",
  homeHref = "/catalogue",
}: PublicHeaderProps) {
  return (
    <HeaderBar homeHref={homeHref} links={links}>
      <Link href={signInHref} className={`inline-block min-h-6 ${headerLinkClass}`}>
        Sign in
      </Link>
    </HeaderBar>
  );
}
