import type { Actor, ActorRole } from "@/lib/workflow";

export const ORG = {
  centre: "org-centre",
  expert: "org-expert-group",
  otherExpert: "org-other-expert-group",
  provider: "org-provider",
  otherProvider: "org-other-provider",
  reviewer: "org-reviewer",
} as const;

export const ALL_ROLES: readonly ActorRole[] = ["CENTRE_STAFF", "EXPERT", "PROVIDER", "REVIEWER", "SYSTEM"];

export const ACTORS: Record<ActorRole, Actor> = {
  CENTRE_STAFF: { id: "user-staff", role: "CENTRE_STAFF", organisationId: ORG.centre },
  EXPERT: { id: "user-expert", role: "EXPERT", organisationId: ORG.expert },
  PROVIDER: { id: "user-provider", role: "PROVIDER", organisationId: ORG.provider },
  REVIEWER: { id: "user-reviewer", role: "REVIEWER", organisationId: ORG.reviewer },
  SYSTEM: { id: "system", role: "SYSTEM", organisationId: null },
};

export const staff = ACTORS.CENTRE_STAFF;
export const expert = ACTORS.EXPERT;
export const provider = ACTORS.PROVIDER;
export const reviewer = ACTORS.REVIEWER;
export const otherExpert: Actor = { id: "user-other-expert", role: "EXPERT", organisationId: ORG.otherExpert };
export const otherProvider: Actor = { id: "user-other-provider", role: "PROVIDER", organisationId: ORG.otherProvider };
export const otherReviewer: Actor = { id: "user-other-reviewer", role: "REVIEWER", organisationId: ORG.reviewer };
