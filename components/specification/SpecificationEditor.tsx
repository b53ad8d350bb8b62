"use client";
import { useState, type ReactNode } from "react";
import { ActionFormClient, useFormResult, type FormAction } from "@/components/forms/ActionFormClient";
import { FormCheckboxes, FormTextArea, FormTextInput } from "@/components/forms/Fields";
import { UnsavedChanges } from "@/components/forms/UnsavedChanges";
import { Button } from "@/components/ui/Button";
import { Checkboxes, TextArea, TextInput } from "@/components/ui/Field";
import { fieldError } from "@/lib/result";
import { DELIVERY_MODES, MAX_EPAS, MAX_OUTCOMES } from "@/lib/validation/specification";
import { PILLAR_LABELS, PILLARS, type Pillar, type SpecificationSectionKey } from "@/lib/workflow";
import { RepeatableList } from "./RepeatableList";
import { sectionsOf, type SpecificationContentView } from "./section-text";

// The structured editor of a draft specification version: every section in order, with the learning outcomes and
// EPAs as editable, reorderable lists. One save writes everything (see saveSpecificationVersion): the Save button,
// or, where scripts run, an autosave a moment after typing stops; leaving with unsaved changes asks first.

type Outcome = SpecificationContentView["learningOutcomes"][number];
type Epa = SpecificationContentView["epas"][number];
export type EditableSpecification = SpecificationContentView & {
  id: string;
  version: number;
  completedSections: string[];
  /** The ids of the professions the target group names. */
  targetProfessionIds: string[];
};
/** The professions the target group may name: the list's active ones, and any retired one the version names. */
export type ProfessionChoice = { id: string; name: string };

const text = (v: unknown) => (typeof v === "string" ? v : "");
const pillarsOf = (v: unknown): Pillar[] => (Array.isArray(v) ? v : []).filter((p): p is Pillar => PILLARS.includes(p));

const HINTS: Partial<Record<SpecificationSectionKey, string>> = {
  targetGroup: "The professions in scope and any requirements specific to each.",
  learningOutcomes: "Each capability is mapped to one or more of the four pillars of advanced practice.",
  epas: "Optional. Activities a learner can be trusted to carry out unsupervised once they have completed the credential.",
  academicLevel: "Credentials are normally at level 7 (master's level).",
  credits: "Academic credits, for example 60.",
  notionalHours: "Total learning time, including practice and assessment, for example 600.",
  changeSummary: "What this version changes from the previous one, for reviewers.",
};

/** Labels for the error summary, so "Must be 2000 characters or fewer" says which field it means. */
const ERROR_LABELS: Record<string, string> = Object.fromEntries([
  ...Array.from({ length: MAX_OUTCOMES }, (_, i) => [`outcomes.${i}.text`, `Outcome ${i + 1}`]),
  ...Array.from({ length: MAX_EPAS }, (_, i) => [`epas.${i}.title`, `EPA ${i + 1} title`]),
  ...Array.from({ length: MAX_EPAS }, (_, i) => [`epas.${i}.description`, `EPA ${i + 1} description`]),
  ["purposeAndScope", "Purpose and scope"],
  ["targetGroup", "Target group"],
  ["targetProfessions", "Professions in the target group"],
  ["entryRequirements", "Entry requirements"],
  ["linksToOtherProvision", "Links to other provision"],
  ["assessmentStrategy", "Assessment strategy"],
  ["supervisionRequirements", "Supervision requirements"],
  ["evidenceBase", "Evidence base"],
  ["changeSummary", "Change summary"],
]);

function OutcomeRow({ outcome, index }: { outcome: Outcome; index: number }) {
  const result = useFormResult();
  const name = `outcomes.${index}`;
  return (
    <>
      {outcome.id ? <input type="hidden" name={`${name}.id`} value={outcome.id} /> : null}
      <TextArea
        name={`${name}.text`}
        label={`Outcome ${index + 1}`}
        rows={3}
        defaultValue={outcome.text}
        error={fieldError(result, `${name}.text`)}
      />
      <Checkboxes
        name={`${name}.pillars[]`}
        label={`Pillars of advanced practice for outcome ${index + 1}`}
        inline
        options={PILLARS.map((p) => ({ value: p, label: PILLAR_LABELS[p] }))}
        defaultValue={outcome.pillars}
      />
    </>
  );
}

function EpaRow({ epa, index }: { epa: Epa; index: number }) {
  const result = useFormResult();
  const name = `epas.${index}`;
  return (
    <>
      <TextInput
        name={`${name}.title`}
        label={`EPA ${index + 1} title`}
        defaultValue={epa.title}
        error={fieldError(result, `${name}.title`)}
      />
      <TextArea
        name={`${name}.description`}
        label={`EPA ${index + 1} description`}
        rows={3}
        defaultValue={epa.description}
        error={fieldError(result, `${name}.description`)}
      />
    </>
  );
}

function ListSection({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="mb-4">
      <h2 id={`${id}-heading`} className="mb-2 text-xl font-bold md:text-2xl">
        {label}
      </h2>
      {hint ? <p className="mb-4 text-nhs-secondary">{hint}</p> : null}
      {children}
    </section>
  );
}

/**
 * The end of each section: the authors mark it completed for the task list, and save from here; the confirmation
 * appears here too (the form's own message is for its last button).
 */
function SectionEnd({ sectionKey, label, completed }: { sectionKey: SpecificationSectionKey; label: string; completed: boolean }) {
  const result = useFormResult();
  const saved = result?.ok && (result.data as { savedSection?: string | null } | undefined)?.savedSection === sectionKey;
  return (
    <div className="mb-10 border-b border-nhs-grey-4 pb-6">
      {/* One box per section, each with its own id, all posting into the one list the save keeps. */}
      <div className="mb-4 flex items-start gap-3">
        <input
          type="checkbox"
          id={`completed-${sectionKey}`}
          name="completedSections"
          value={sectionKey}
          defaultChecked={completed}
          className="nhs-choice-input"
        />
        <label htmlFor={`completed-${sectionKey}`} className="cursor-pointer pt-1.5">
          I have completed this section<span className="sr-only"> ({label})</span>
        </label>
      </div>
      {saved ? (
        <p role="status" className="mb-4 border-l-8 border-nhs-green bg-white p-3 font-bold">
          {label} saved, with the rest of your draft.
        </p>
      ) : null}
      <Button variant="secondary" name="savedSection" value={sectionKey}>
        Save section<span className="sr-only"> for {label}</span>
      </Button>
    </div>
  );
}

function sectionField(
  spec: EditableSpecification,
  key: SpecificationSectionKey,
  label: string,
  professions: ProfessionChoice[],
): ReactNode {
  const hint = HINTS[key];
  const number = (value: number | null) => (
    <FormTextInput name={key} label={label} hint={hint} inputMode="numeric" className="md:w-32" defaultValue={value} />
  );
  switch (key) {
    case "learningOutcomes":
      return (
        <ListSection id={key} label={label} hint={hint}>
          <RepeatableList<Outcome>
            list="outcomes"
            noun="outcome"
            initial={spec.learningOutcomes}
            revision={spec.version}
            fromInput={(r) => ({ id: text(r.id) || undefined, text: text(r.text), pillars: pillarsOf(r.pillars) })}
            blank={() => ({ text: "", pillars: [] })}
            renderRow={(outcome, i) => <OutcomeRow outcome={outcome} index={i} />}
          />
        </ListSection>
      );
    case "epas":
      return (
        <ListSection id={key} label={label} hint={hint}>
          <RepeatableList<Epa>
            list="epas"
            noun="EPA"
            initial={spec.epas}
            revision={spec.version}
            fromInput={(r) => ({ title: text(r.title), description: text(r.description) })}
            blank={() => ({ title: "", description: "" })}
            renderRow={(epa, i) => <EpaRow epa={epa} index={i} />}
          />
        </ListSection>
      );
    case "academicLevel":
      return number(spec.academicLevel);
    case "credits":
    case "notionalHours":
      return number(spec[key]);
    case "targetGroup":
      return (
        <>
          <FormTextArea name={key} label={label} hint={hint} rows={6} defaultValue={spec.targetGroup} />
          <FormCheckboxes
            name="targetProfessions"
            label="Professions in the target group"
            hint="Select each profession on the Centre's list that the credential is for. The catalogue can be filtered by them."
            defaultValue={spec.targetProfessionIds}
            options={professions.map((p) => ({ value: p.id, label: p.name }))}
          />
        </>
      );
    case "deliveryModes":
      return (
        <FormCheckboxes
          name={key}
          label={label}
          hint="Select all that apply."
          defaultValue={spec.deliveryModes}
          options={DELIVERY_MODES.map((m) => ({ value: m, label: m }))}
        />
      );
    default:
      return <FormTextArea name={key} label={label} hint={hint} rows={6} defaultValue={spec[key]} />;
  }
}

/** `token`: the form's submission token, made on the server (see ActionForm). `autosave`: the same save, not refreshing the page. */
export function SpecificationEditor({
  action,
  autosave,
  spec,
  professions,
  token,
}: {
  action: FormAction;
  autosave: FormAction;
  spec: EditableSpecification;
  professions: ProfessionChoice[];
  token: string;
}) {
  // The lock version the next save sends: the page's, until an autosave moves it on.
  const [lock, setLock] = useState({ page: spec.version, current: spec.version });
  if (lock.page !== spec.version) setLock({ page: spec.version, current: spec.version });
  return (
    <ActionFormClient
      action={action}
      token={token}
      hidden={{ id: spec.id, version: lock.current }}
      submitLabel="Save draft"
      labels={ERROR_LABELS}
    >
      {sectionsOf(spec).map((section) => (
        <div key={section.key}>
          {sectionField(spec, section.key, section.label, professions)}
          <SectionEnd sectionKey={section.key} label={section.label} completed={spec.completedSections.includes(section.key)} />
        </div>
      ))}
      <UnsavedChanges autosave={{ action: autosave, onSaved: (version) => setLock((l) => ({ ...l, current: version })) }} />
    </ActionFormClient>
  );
}
