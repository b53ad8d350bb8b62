// The e-mails the app sent, as a journey reads them: `waitForEmail(to, subjectContains)` waits for the newest one
// to that address (and with that text in its subject) and gives its subject and plain text.
// For now it reads the outbox table the app queues e-mails in (DATABASE_URL is the e2e database).
import pg from "pg";

export type Email = { subject: string; text: string };

const TIMEOUT_MS = 15_000;
const POLL_MS = 250;

export async function waitForEmail(to: string, subjectContains?: string): Promise<Email> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("waitForEmail needs DATABASE_URL, the database the app under test uses");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      const { rows } = await client.query<{ subject: string; body: string }>(
        `SELECT subject, body FROM "EmailOutbox" WHERE lower("to") = lower($1) AND ($2::text IS NULL OR strpos(subject, $2) > 0)
         ORDER BY "createdAt" DESC, id DESC LIMIT 1`,
        [to, subjectContains ?? null],
      );
      if (rows[0]) return { subject: rows[0].subject, text: rows[0].body };
      if (Date.now() > deadline) throw new Error(`No e-mail to ${to}${subjectContains ? ` with "${subjectContains}" in its subject` : ""} within ${TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await client.end();
  }
}

/** The first link in an e-mail's text to a path of the app, e.g. `linkIn(email, "/invitations/")`. */
export function linkIn(email: Email, pathPrefix: string): string {
  const match = new RegExp(`https?://\\S+?${pathPrefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}\\S+`).exec(email.text);
  if (!match) throw new Error(`No link to ${pathPrefix} in the e-mail "${email.subject}":\n${email.text}`);
  return match[0];
}
