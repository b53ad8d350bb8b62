import { beforeEach, describe, expect, it } from "vitest";
import {
  ABSOLUTE_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  createSession,
  deleteSession,
  endAllSessions,
  userForSession,
} from "@/lib/auth/session-store";
import { purgeSignInRecords } from "@/lib/jobs/sign-in-records";
import { resetDb, testDb } from "../support/db";
import * as make from "../support/factory";

beforeEach(resetDb, 60_000);

const T0 = new Date("2026-06-01T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

async function signedIn() {
  const org = await make.organisation("EDUCATION_PROVIDER");
  const user = await make.actor("PROVIDER", org.id);
  const { token } = await createSession(user.id, T0);
  return { user, org, token };
}

describe("database sessions", { timeout: 30_000 }, () => {
  it("stores only a hash of the token, and the token finds the user", async () => {
    const { user, token } = await signedIn();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await testDb().session.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(token);
    expect(await userForSession(token, at(MINUTE))).toMatchObject({ id: user.id, role: "PROVIDER", organisationId: user.organisationId });
    expect(await userForSession(`${token.slice(0, -1)}x`, at(MINUTE))).toBeNull();
  });

  it("refuses the token once the session is ended by signing out", async () => {
    const { token } = await signedIn();
    await deleteSession(token);
    expect(await userForSession(token, at(MINUTE))).toBeNull();
  });

  it("ends after 30 minutes without a request, and activity keeps it alive", async () => {
    const { token } = await signedIn();
    expect(await userForSession(token, at(IDLE_TIMEOUT_MS - MINUTE))).not.toBeNull();
    // Still alive 29 minutes after that last request: the idle timeout slides.
    expect(await userForSession(token, at(2 * IDLE_TIMEOUT_MS - 2 * MINUTE))).not.toBeNull();
    expect(await userForSession(token, at(3 * IDLE_TIMEOUT_MS))).toBeNull();
    expect(await testDb().session.count()).toBe(0);
  });

  it("writes lastSeenAt at most once a minute", async () => {
    const { token } = await signedIn();
    await userForSession(token, at(30_000));
    expect((await testDb().session.findFirstOrThrow()).lastSeenAt).toEqual(T0);
    await userForSession(token, at(90_000));
    expect((await testDb().session.findFirstOrThrow()).lastSeenAt).toEqual(at(90_000));
  });

  it("ends 12 hours after sign-in even when used all the time", async () => {
    const { token } = await signedIn();
    let now = 0;
    for (; now < ABSOLUTE_TIMEOUT_MS; now += 20 * MINUTE) expect(await userForSession(token, at(now))).not.toBeNull();
    expect(await userForSession(token, at(ABSOLUTE_TIMEOUT_MS))).toBeNull();
  });

  it("refuses a deactivated person on their next request", async () => {
    const { user, token } = await signedIn();
    expect(await userForSession(token, at(MINUTE))).not.toBeNull();
    await testDb().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await userForSession(token, at(2 * MINUTE))).toBeNull();
  });

  it("shows a new role and organisation on the next request", async () => {
    const { user, token } = await signedIn();
    const centre = await make.organisation("CENTRE");
    await testDb().user.update({ where: { id: user.id }, data: { role: "CENTRE_STAFF", organisationId: centre.id } });
    expect(await userForSession(token, at(10_000))).toMatchObject({
      role: "CENTRE_STAFF",
      organisationId: centre.id,
      organisationName: centre.name,
    });
  });

  it("signs a person out everywhere, leaving other people signed in", async () => {
    const { user, token } = await signedIn();
    const { token: second } = await createSession(user.id, T0);
    const other = await make.actor("EXPERT");
    const { token: theirs } = await createSession(other.id, T0);
    expect(await endAllSessions(user.id)).toBe(2);
    expect(await userForSession(token, at(MINUTE))).toBeNull();
    expect(await userForSession(second, at(MINUTE))).toBeNull();
    expect(await userForSession(theirs, at(MINUTE))).toMatchObject({ id: other.id });
  });

  it("the hourly purge deletes ended sessions and keeps live ones", async () => {
    const { user, token } = await signedIn();
    const { token: later } = await createSession(user.id, at(ABSOLUTE_TIMEOUT_MS - 10 * MINUTE));
    expect(await purgeSignInRecords(testDb(), at(ABSOLUTE_TIMEOUT_MS - 5 * MINUTE))).toMatchObject({ sessions: 1 });
    expect(await userForSession(token, at(ABSOLUTE_TIMEOUT_MS - 4 * MINUTE))).toBeNull();
    expect(await userForSession(later, at(ABSOLUTE_TIMEOUT_MS - 4 * MINUTE))).toMatchObject({ id: user.id });
  });
});
