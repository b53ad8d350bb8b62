// E-mails the app really sent during the end-to-end run. `npm test -- --e2e` starts an SMTP server (tests/support/smtp.ts)
// that the app's outbox delivery sends to, and that appends each message it receives to E2E_MAILBOX_FILE as JSON.
import { readFileSync } from "node:fs";
import { test } from "@playwright/test";
import { e2eMailFrom } from "./mail-from";

type Received = { to: string[]; from: string; subject: string; text: string };

function received(): Received[] {
  const file = process.env.E2E_MAILBOX_FILE;
  if (!file) throw new Error("E2E_MAILBOX_FILE is not set: run the end-to-end tests through `npm test -- --e2e`.");
  let content = "";
  try {
    content = readFileSync(file, "utf8");
  } catch {
    return []; // nothing received yet
  }
  return content
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Received);
}

/**
 * The latest e-mail to `to` (whose subject contains `subjectContains`, when given), waiting up to 30 s for it to
 * arrive over SMTP. The latest, because this worker's specs share its database: an earlier test may have caused a like e-mail,
 * so make the subject specific (a name with a timestamp) when that matters.
 */
export async function waitForEmail(to: string, subjectContains?: string): Promise<{ subject: string; text: string }> {
  const until = Date.now() + 30_000;
  // Only this worker's server's e-mails: the other worker's server has a database of its own.
  const from = e2eMailFrom(test.info().parallelIndex);
  for (;;) {
    const match = received()
      .filter(
        (m) =>
          m.from === from &&
          m.to.some((a) => a.toLowerCase() === to.toLowerCase()) &&
          (!subjectContains || m.subject.includes(subjectContains)),
      )
      .at(-1);
    if (match) return { subject: match.subject, text: match.text };
    if (Date.now() > until)
      throw new Error(`No e-mail to ${to}${subjectContains ? ` with "${subjectContains}" in its subject` : ""} arrived within 30 s.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first link in an e-mail's text to a path of the app, e.g. `linkIn(email, "/invitations/")`. */
export function linkIn(email: { subject: string; text: string }, pathPrefix: string): string {
  const match = new RegExp(`https?://\\S+?${pathPrefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\S+`).exec(email.text);
  if (!match) throw new Error(`No link to ${pathPrefix} in the e-mail "${email.subject}":\n${email.text}`);
  return match[0];
}
