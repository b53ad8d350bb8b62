import { ActionForm, type FormAction } from "@/components/forms/ActionForm";
import { FormRadios } from "@/components/forms/Fields";
import type { NotificationPreferences } from "@/lib/data/notification-preferences";
import { EMAIL_DELIVERY_LABELS, NOTIFICATION_KINDS, NOTIFICATION_KIND_VALUES } from "@/lib/validation/notification-preferences";

const options = Object.entries(EMAIL_DELIVERY_LABELS).map(([value, label]) => ({ value, label }));

/** One question per kind of notification (radios: each e-mail, a daily digest, or none) and one Save button. */
export function NotificationPreferencesForm({ action, preferences }: { action: FormAction; preferences: NotificationPreferences }) {
  return (
    <ActionForm
      action={action}
      submitLabel="Save e-mail choices"
      labels={Object.fromEntries(NOTIFICATION_KIND_VALUES.map((kind) => [kind, NOTIFICATION_KINDS[kind].label]))}
    >
      {NOTIFICATION_KIND_VALUES.map((kind) => (
        <FormRadios
          key={kind}
          name={kind}
          label={NOTIFICATION_KINDS[kind].label}
          hint={NOTIFICATION_KINDS[kind].hint}
          options={options}
          defaultValue={preferences[kind]}
        />
      ))}
    </ActionForm>
  );
}
