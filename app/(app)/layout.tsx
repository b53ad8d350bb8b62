import { signOut } from "@/app/(auth)/sign-in/actions";
import { Footer } from "@/components/layout/Footer";
import { Header } from "@/components/layout/Header";
import { requireUser } from "@/lib/auth/session";
import { unreadNotificationCount } from "@/lib/data/dashboard";
import { navigationFor } from "@/lib/navigation";

// Every page in this group needs a session. Actions check again in the data layer.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const unread = await unreadNotificationCount(user.id);
  return (
    <>
      <Header user={user} links={navigationFor(user.role, user.isAdmin)} unreadCount={unread} signOutAction={signOut} />
      <main id="main-content" className="nhs-container w-full flex-1 py-8">
        {children}
      </main>
      <Footer signedIn />
    </>
  );
}
