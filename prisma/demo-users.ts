// Demo sign-ins, one per role (printed by `npm start`, used by the end-to-end tests).
// The seed creates these accounts; they exist only in demo databases.
export type DemoRole = "CENTRE_STAFF" | "EXPERT" | "PROVIDER" | "REVIEWER";

export const DEMO_PASSWORD = "Credential-Demo-2026";

export const DEMO_USERS: Record<DemoRole, { email: string; password: string; name: string; organisation: string }> = {
  CENTRE_STAFF: {
    email: "staff@centre.example",
    password: DEMO_PASSWORD,
    name: "Priya Shah",
    organisation: "Centre for Advancing Practice",
  },
  EXPERT: { email: "expert@acute-care.example", password: DEMO_PASSWORD, name: "Dr Tom Okafor", organisation: "Acute Care Expert Group" },
  PROVIDER: {
    email: "provider@northbridge.example",
    password: DEMO_PASSWORD,
    name: "Helen Marsh",
    organisation: "University of Northbridge",
  },
  REVIEWER: {
    email: "reviewer@independent.example",
    password: DEMO_PASSWORD,
    name: "Sam Reid",
    organisation: "Independent Reviewers Network",
  },
};
