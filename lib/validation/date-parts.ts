// Apart from the schemas in ./common so that client components (components/forms/Fields.tsx) can name the parts
// of a date without bringing zod into every form page's JavaScript.

/** The three fields of a date input (see components/ui/Field.tsx DateInput), in the order people fill them. */
export const DATE_PARTS = ["day", "month", "year"] as const;
export type DateParts = Record<(typeof DATE_PARTS)[number], string>;
