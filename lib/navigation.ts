import type { Role } from "@/lib/generated/prisma/enums";

export type NavLink = { href: string; label: string };

const ALL: Record<string, NavLink> = {
  dashboard: { href: "/dashboard", label: "Dashboard" },
  priorities: { href: "/priorities", label: "Priorities" },
  commissions: { href: "/commissions", label: "Commissions" },
  credentials: { href: "/credentials", label: "Credentials" },
  plans: { href: "/delivery-plans", label: "Delivery plans" },
  quality: { href: "/quality-reviews", label: "Quality" },
  periodic: { href: "/periodic-reviews", label: "Periodic reviews" },
  impact: { href: "/impact", label: "Impact" },
  catalogue: { href: "/catalogue", label: "Catalogue" },
};

const BY_ROLE: Record<Role, (keyof typeof ALL)[]> = {
  CENTRE_STAFF: ["dashboard", "priorities", "commissions", "credentials", "plans", "quality", "periodic", "impact"],
  EXPERT: ["dashboard", "priorities", "commissions", "credentials"],
  PROVIDER: ["dashboard", "priorities", "credentials", "plans", "quality", "impact"],
  REVIEWER: ["dashboard", "priorities", "credentials", "quality"],
};

/** The primary navigation a role sees. */
export const navigationFor = (role: Role): NavLink[] => BY_ROLE[role].map((key) => ALL[key]);
