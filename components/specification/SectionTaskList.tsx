import { TaskList } from "@/components/ui";
import type { SpecificationSectionKey } from "@/lib/workflow";
import { sectionsOf } from "./section-text";

type Props = {
  version: { number: number; learningOutcomes: readonly unknown[]; epas: readonly unknown[] };
  /** The required sections still missing (versionPermissions' `missing`). */
  missing: readonly SpecificationSectionKey[];
  /** The capability mapping, its own page: how many core capabilities are still missing, of how many. */
  capabilities?: { href: string; missing: number; total: number };
};

/** NHS task list at the top of the editor: each section, linked to where it is edited, and how far it has got. */
export function SectionTaskList({ version, missing, capabilities }: Props) {
  const status = (key: SpecificationSectionKey) => {
    if (missing.includes(key)) {
      // Outcomes written but not all mapped to a pillar are under way; other sections are either there or not.
      return key === "learningOutcomes" && version.learningOutcomes.length > 0
        ? { status: "IN_PROGRESS", statusLabel: "In progress" }
        : { status: "NOT_STARTED", statusLabel: "Not started" };
    }
    // The one optional section.
    if (key === "epas" && version.epas.length === 0) return { status: "NOT_STARTED", statusLabel: "Optional" };
    return { status: "COMPLETED", statusLabel: "Completed" };
  };
  return (
    <nav aria-labelledby="sections-heading">
      <h2 id="sections-heading">Sections</h2>
      <p className="text-nhs-secondary">As last saved. Every required section must be completed before you submit.</p>
      <TaskList
        items={[
          ...sectionsOf(version).map((s) => ({ name: s.label, href: `#${s.key}`, ...status(s.key) })),
          ...(capabilities
            ? [
                {
                  name: "Capability mapping",
                  href: capabilities.href,
                  ...(capabilities.missing === 0
                    ? { status: "COMPLETED", statusLabel: "Completed" }
                    : capabilities.missing === capabilities.total
                      ? { status: "NOT_STARTED", statusLabel: "Not started" }
                      : { status: "IN_PROGRESS", statusLabel: "In progress" }),
                },
              ]
            : []),
        ]}
      />
    </nav>
  );
}
