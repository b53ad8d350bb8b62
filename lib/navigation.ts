import type { Role } from "@/lib/generated/prisma/enums";

export type NavLink = { href: string; label: string };

const ALL: Record<string, NavLink> = {
  dashboard: { href: "/dashboard", label: "Dashboard" },
  priorities: { href: "/priorities", label: "Priorities" },
  proposals: { href: "/proposals", label: "Proposals" },
  commissions: { href: "/commissions", label: "Commissions" },
  credentials: { href: "/credentials", label: "Credentials" },
  panels: { href: "/panels", label: "Panels" },
  plans: { href: "/delivery-plans", label: "Delivery plans" },
  quality: { href: "/quality-reviews", label: "Quality" },
  periodic: { href: "/periodic-reviews", label: "Periodic reviews" },
  impact: { href: "/impact", label: "Impact" },
  completions: { href: "/completions", label: "Completions" },
  catalogue: { href: "/catalogue", label: "Catalogue" },
  pilotLearning: { href: "/pilot-learning", label: "Pilot learning" },
};

const BY_ROLE: Record<Role, (keyof typeof ALL)[]> = {
  CENTRE_STAFF: [
    "dashboard",
    "priorities",
    "proposals",
    "commissions",
    "credentials",
    "panels",
    "plans",
    "quality",
    "periodic",
    "impact",
    "completions",
    "pilotLearning",
  ],
  EXPERT: ["dashboard", "priorities", "proposals", "commissions", "credentials"],
  PROVIDER: ["dashboard", "priorities", "proposals", "credentials", "plans", "quality", "impact", "completions"],
  REVIEWER: ["dashboard", "priorities", "credentials", "quality", "pilotLearning"],
};

/** The primary navigation a role sees; Centre admins also get the admin pages. */
export const navigationFor = (role: Role, isAdmin = false): NavLink[] => [
  ...BY_ROLE[role].map((key) => ALL[key]),
  ...(isAdmin ? [{ href: "/admin", label: "Admin" }] : []),
];
