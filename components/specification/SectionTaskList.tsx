import { TaskList } from "@/components/ui";
import type { SpecificationSectionKey } from "@/lib/workflow";
import { sectionsOf } from "./section-text";

type Props = {
  version: { number: number; learningOutcomes: readonly unknown[]; epas: readonly unknown[]; completedSections: readonly string[] };
  /** The required sections still missing (versionPermissions' `missing`). */
  missing: readonly SpecificationSectionKey[];
  /** The capability mapping, its own page: how many core capabilities are still missing, of how many. */
  capabilities?: { href: string; missing: number; total: number };
};

/**
 * NHS task list at the top of the editor: each section, linked to where it is edited, and how far it has got — in
 * progress once written, completed when the authors say so (and nothing required is missing).
 */
export function SectionTaskList({ version, missing, capabilities }: Props) {
  const IN_PROGRESS = { status: "IN_PROGRESS", statusLabel: "In progress" };
  const status = (key: SpecificationSectionKey) => {
    const marked = version.completedSections.includes(key);
    if (missing.includes(key)) {
      // Outcomes written but not all mapped to a pillar are under way, as is a section marked completed while empty.
      return marked || (key === "learningOutcomes" && version.learningOutcomes.length > 0)
        ? IN_PROGRESS
        : { status: "NOT_STARTED", statusLabel: "Not started" };
    }
    if (marked) return { status: "COMPLETED", statusLabel: "Completed" };
    // The one optional section, left empty.
    if (key === "epas" && version.epas.length === 0) return { status: "NOT_STARTED", statusLabel: "Optional" };
    return IN_PROGRESS;
  };
  return (
    <nav aria-labelledby="sections-heading">
      <h2 id="sections-heading">Sections</h2>
      <p className="text-nhs-secondary">
        As last saved. Mark each section as completed when you have finished it; every required section must be filled in before you submit.
      </p>
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
