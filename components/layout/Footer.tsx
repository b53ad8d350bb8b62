import Link from "@/components/ui/Link";

const links = [
  { href: "/catalogue", label: "Credential catalogue" },
  { href: "/accessibility", label: "Accessibility statement" },
];

const HELP = { href: "/help", label: "Help" };

/** NHS footer: support links (help too, for someone signed in) and the owning organisation. */
export function Footer({ signedIn = false }: { signedIn?: boolean }) {
  return (
    <footer className="no-print mt-auto border-t-4 border-nhs-blue bg-nhs-grey-4 py-6 text-base md:py-8">
      <div className="nhs-container">
        <h2 className="sr-only">Support links</h2>
        <ul className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
          {(signedIn ? [HELP, ...links] : links).map((link) => (
            <li key={link.href}>
              <Link href={link.href} className="inline-block min-h-6">
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
        <p className="mb-0">© NHS England – Centre for Advancing Practice</p>
      </div>
    </footer>
  );
}
