import type { Metadata } from "next";
import { PageHeading } from "@/components/ui";
import Link from "@/components/ui/Link";
import { requireUser } from "@/lib/auth/session";
import { navigationFor, PAGE_PURPOSE } from "@/lib/navigation";

export const metadata: Metadata = { title: "Help" };

/** What each page the person can open is for, and where to go next. Reads nothing beyond the session. */
export default async function HelpPage() {
  const user = await requireUser();
  const pages = navigationFor(user.role, user.isAdmin);
  return (
    <div className="max-w-3xl">
      <PageHeading
        title="Help using this service"
        lede="What each part of the service is for, and where to go when something is not right."
      />

      <h2 className="mb-4 text-2xl font-bold">Your pages</h2>
      <dl className="mb-8">
        {pages.map((page) => (
          <div key={page.href} className="mb-4">
            <dt className="font-bold">
              <Link href={page.href}>{page.label}</Link>
            </dt>
            <dd>{PAGE_PURPOSE[page.href]}</dd>
          </div>
        ))}
      </dl>

      <h2 className="mb-4 text-2xl font-bold">Keeping up to date</h2>
      <p>
        The <Link href="/notifications">notifications</Link> link at the top of every page shows how many you have not read. Each
        notification links to the record it is about.
      </p>
      <p className="mb-8">
        On <Link href="/account/notifications">your e-mail choices</Link> you can choose which notifications also come by e-mail, and which
        come as one daily summary instead.
      </p>

      <h2 className="mb-4 text-2xl font-bold">Your account</h2>
      <p className="mb-8">
        Change your password or sign out everywhere on <Link href="/account">your account</Link>. To change your name, e-mail address, role
        or organisation, ask a Centre admin.
      </p>

      <h2 className="mb-4 text-2xl font-bold">Accessibility</h2>
      <p className="mb-0">
        Every page works with a keyboard, a screen reader and without JavaScript. If something does not work for you, the{" "}
        <Link href="/accessibility">accessibility statement</Link> says how to tell us.
      </p>
    </div>
  );
}
