// An SMTP server in the test process: what the app sends over real SMTP arrives here, parsed, to be asserted on.
import { appendFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CapturedMail = { to: string[]; from: string; subject: string; text: string; receivedAt: string };

export type SmtpCapture = {
  /** `smtp://user:pass@127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  port: number;
  messages: CapturedMail[];
  /** While set, every message is refused with this temporary failure (e.g. "451 Try again later"). */
  refuse: string | null;
  waitForMessage(to: string, subjectContains?: string, timeoutMs?: number): Promise<CapturedMail>;
  stop(): Promise<void>;
};

export type SmtpCaptureOptions = {
  /** Each message is also appended here as one line of JSON (the end-to-end tests read it from another process). */
  file?: string;
  user?: string;
  pass?: string;
};

const matches = (mail: CapturedMail, to: string, subjectContains?: string) =>
  mail.to.some((address) => address.toLowerCase() === to.toLowerCase()) && (!subjectContains || mail.subject.includes(subjectContains));

/** Starts the server on a free port of 127.0.0.1. It accepts only the given user and password. */
export async function startSmtpCapture({ file, user = "apc", pass = "test-only" }: SmtpCaptureOptions = {}): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const capture = { refuse: null as string | null };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) callback(null, { user });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      if (capture.refuse) {
        stream.resume();
        stream.on("end", () =>
          callback(
            Object.assign(new Error(capture.refuse!.replace(/^\d+ /, "")), { responseCode: Number.parseInt(capture.refuse!, 10) || 451 }),
          ),
        );
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          const mail: CapturedMail = {
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            receivedAt: new Date().toISOString(),
          };
          messages.push(mail);
          if (file) appendFileSync(file, `${JSON.stringify(mail)}\n`);
          callback();
        })
        .catch((err) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return Object.assign(capture, {
    url: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    port,
    messages,
    async waitForMessage(to: string, subjectContains?: string, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find((m) => matches(m, to, subjectContains));
        if (found) return found;
        if (Date.now() > until)
          throw new Error(
            `No e-mail to ${to}${subjectContains ? ` about "${subjectContains}"` : ""} arrived within ${timeoutMs} ms (got ${messages.length}).`,
          );
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
