import { FormRadios, FormSelect } from "@/components/forms/Fields";
import { ROLE_LABELS, ROLES } from "@/lib/workflow";
import { ORGANISATION_KIND_LABELS } from "@/lib/workflow/account";

type Props = {
  organisations: { id: string; name: string; kind: keyof typeof ORGANISATION_KIND_LABELS }[];
  defaults?: { role: string; organisationId: string | null; isAdmin: boolean };
};

/** Role, organisation and admin rights: the same three questions when inviting a person and when changing them. */
export function AccessFields({ organisations, defaults }: Props) {
  return (
    <>
      <FormRadios
        name="role"
        label="Role"
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        defaultValue={defaults?.role}
      />
      <FormSelect
        name="organisationId"
        label="Organisation"
        hint="Centre staff belong to the Centre, expert-group members to an expert group, education providers to an education provider; reviewers to any."
        placeholder="Choose an organisation"
        options={organisations.map((o) => ({ value: o.id, label: `${o.name} (${ORGANISATION_KIND_LABELS[o.kind]})` }))}
        defaultValue={defaults?.organisationId ?? ""}
      />
      <FormRadios
        name="isAdmin"
        label="Centre admin"
        hint="Admins manage organisations and people. Only Centre staff can be admins."
        options={[
          { value: "no", label: "No" },
          { value: "yes", label: "Yes" },
        ]}
        defaultValue={defaults?.isAdmin ? "yes" : "no"}
        inline
      />
    </>
  );
}
