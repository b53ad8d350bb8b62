import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { NotificationPreferencesForm } from "@/components/account/NotificationPreferencesForm";
import { PageHeading } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { notificationPreferencesOf } from "@/lib/data/notification-preferences";
import { savePreferences } from "./actions";

export const metadata: Metadata = { title: "E-mail notifications" };

export default async function NotificationPreferencesPage() {
  const user = await requireUser();
  const preferences = await notificationPreferencesOf(user.id);
  return (
    <>
      <PageHeading
        title="E-mail notifications"
        lede={
          <>
            Choose which notifications also reach you by e-mail at {user.email}. Every notification is still shown in{" "}
            <Link href="/notifications">Notifications</Link>.
          </>
        }
      />
      <NotificationPreferencesForm action={savePreferences} preferences={preferences} />
    </>
  );
}
