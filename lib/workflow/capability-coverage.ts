import { hasText, nothingMissing } from "./guards";
import type { Pillar } from "./specification-version";

// How a specification's learning outcomes cover the core capabilities of its framework edition. Pure: the pages, the
// submit guard and the public catalogue all compute coverage here, once.

export const UNCOVERED_DISPOSITIONS = ["OTHER_PROVISION", "OUT_OF_SCOPE"] as const;
export type UncoveredDisposition = (typeof UNCOVERED_DISPOSITIONS)[number];
export const UNCOVERED_DISPOSITION_LABELS: Record<UncoveredDisposition, string> = {
  OTHER_PROVISION: "Met through other provision",
  OUT_OF_SCOPE: "Out of scope",
};

export interface CoreCapabilityRef {
  id: string;
  number: string;
  pillar: Pillar;
}

export interface CoverageInput {
  capabilities: readonly CoreCapabilityRef[];
  /** Outcomes in order; an outcome's position in this list (from 1) names it in the matrix. */
  outcomes: readonly { capabilityIds: readonly string[] }[];
  uncovered: readonly { coreCapabilityId: string; disposition: UncoveredDisposition; provision: string }[];
}

export type CoverageStatus = "COVERED" | UncoveredDisposition | "MISSING";

export interface CapabilityCoverage<C extends CoreCapabilityRef = CoreCapabilityRef> {
  capability: C;
  /** Positions (from 1) of the outcomes mapped to it. */
  outcomes: number[];
  status: CoverageStatus;
  provision: string;
}

/**
 * Each capability with the outcomes that cover it, or else what the specification says about it. Links to other provision
 * count only with the provision named; what is said about a capability an outcome covers is kept but does not matter.
 */
export function capabilityCoverage<C extends CoreCapabilityRef>(
  input: Omit<CoverageInput, "capabilities"> & { capabilities: readonly C[] },
): CapabilityCoverage<C>[] {
  const said = new Map(input.uncovered.map((u) => [u.coreCapabilityId, u]));
  return input.capabilities.map((capability) => {
    const outcomes = input.outcomes.flatMap((o, i) => (o.capabilityIds.includes(capability.id) ? [i + 1] : []));
    const u = said.get(capability.id);
    const status: CoverageStatus =
      outcomes.length > 0
        ? "COVERED"
        : u?.disposition === "OUT_OF_SCOPE"
          ? "OUT_OF_SCOPE"
          : u?.disposition === "OTHER_PROVISION" && hasText(u.provision)
            ? "OTHER_PROVISION"
            : "MISSING";
    return { capability, outcomes, status, provision: status === "OTHER_PROVISION" ? u!.provision : "" };
  });
}

/** Numbers of the capabilities neither covered nor accounted for, in framework order. */
export function missingCapabilities(coverage: readonly CapabilityCoverage[]): string[] {
  return coverage.filter((c) => c.status === "MISSING").map((c) => c.capability.number);
}

/** The submit guard's sentence: which capabilities still need an outcome, links to other provision or an out-of-scope mark. */
export function capabilitiesAccountedFor(missing: readonly string[]): string | null {
  return nothingMissing(
    missing,
    (list) =>
      `Map a learning outcome to each core capability of the framework, or say where practitioners meet it (links to other provision) or mark it out of scope. Still missing: ${list}.`,
  );
}
