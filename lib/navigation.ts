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

/**
 * What each page of the primary navigation is for, in a sentence, for the help page (`/help`). Kept apart from the
 * links, which every page's header carries to the browser.
 */
export const PAGE_PURPOSE: Record<string, string> = {
  "/dashboard": "What needs doing, most urgent first, each task linking straight to its record.",
  "/priorities": "The Centre's high-priority, at-scale workforce needs, by round and rank, and how each fared at the gateway.",
  "/proposals": "Areas of practice proposed for a credential, with the evidence against each of the Centre's gateway criteria.",
  "/commissions": "Expert groups commissioned to develop credential specifications, and the deadlines they work to.",
  "/credentials": "Credentials and their specifications: drafts, reviews against the endorsement criteria, decisions and periodic reviews.",
  "/panels": "Endorsement panel meetings, the specifications before them and the recommendations they make.",
  "/delivery-plans": "Education providers' plans for delivering endorsed credentials, from submission to approval.",
  "/quality-reviews": "The annual quality review of approved delivery: annual returns, quality reviews and the actions they raise.",
  "/periodic-reviews": "Reviews of whether endorsed credentials are still current.",
  "/impact": "Providers' returns on learners enrolled, completing and deployed, and the portfolio's figures.",
  "/completions": "Practitioners who completed a credential, and their recognition with a verifiable digital badge.",
  "/pilot-learning": "How the endorsement process is working: time spent at each stage and what people say about it.",
  "/admin": "People, organisations, the criteria and framework capabilities reviews use, and the service's e-mails.",
};

/** The primary navigation a role sees; Centre admins also get the admin pages. */
export const navigationFor = (role: Role, isAdmin = false): NavLink[] => [
  ...BY_ROLE[role].map((key) => ALL[key]),
  ...(isAdmin ? [{ href: "/admin", label: "Admin" }] : []),
];
