const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});

export const formatDate = (d: Date | string) => dateFormat.format(new Date(d));
export const formatDateTime = (d: Date | string) => dateTimeFormat.format(new Date(d));

/** "CHANGES_REQUESTED" → "Changes requested", "assignReviewers" → "Assign reviewers", "DeliveryPlan" → "Delivery plan". */
export function humanise(value: string): string {
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/_/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
