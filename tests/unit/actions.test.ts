import { beforeEach, describe, expect, it, vi } from "vitest";
import { runAction } from "@/lib/actions";
import { actingUser } from "@/lib/auth/session";
import type { Command } from "@/lib/data/command";
import { AppError } from "@/lib/errors";
import { FORM_TOKEN_FIELD } from "@/lib/form";
import { Prisma } from "@/lib/generated/prisma/client";
import { LIST_TOTALS_TAG } from "@/lib/data/totals";
import { revalidatePath, updateTag } from "next/cache";
import { redirect } from "next/navigation";

vi.mock("@/lib/auth/session", () => ({ actingUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), updateTag: vi.fn() }));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  redirect: vi.fn(),
}));
// inTransaction runs the command's body straight away; the pipeline's error mapping is what is under test.
vi.mock("@/lib/db", () => ({ db: () => ({ $transaction: (fn: (tx: unknown) => unknown) => fn({}) }) }));

const user = { id: "u1", role: "CENTRE_STAFF", organisationId: "o1", name: "Sam Staff", email: "sam@example.nhs.uk" };

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(actingUser).mockResolvedValue(user as never);
});

describe("runAction", () => {
  it("gives the command the user, the structured form and the form's token", async () => {
    const command = vi.fn(async (_actor: unknown, _input: unknown, _options?: unknown) => ({ id: "r1" }));
    await runAction(command, form({ name: "2027/28", "rows.0.x": "a", [FORM_TOKEN_FIELD]: "0123456789abcdef0123" }));
    expect(command).toHaveBeenCalledWith(user, expect.anything(), { submission: "0123456789abcdef0123" });
    expect(JSON.parse(JSON.stringify(command.mock.calls[0][1]))).toEqual({ name: "2027/28", rows: [{ x: "a" }] });
  });

  it("confirms with a message worked out from what the command did, or none", async () => {
    const message = (r: { section: string | null }) => (r.section ? undefined : "Your draft has been saved.");
    const whole = await runAction(async () => ({ section: null }), form({}), { message });
    const section = await runAction(async () => ({ section: "evidenceBase" }), form({}), { message });
    expect([whole.ok && whole.message, section.ok && section.message]).toEqual(["Your draft has been saved.", undefined]);
  });

  it("turns an AppError into a result that keeps what was typed", async () => {
    const command: Command<never> = async () => {
      throw new AppError("INVALID_INPUT", "Check the highlighted fields and try again.", { name: ["Enter a name"] });
    };
    const result = await runAction(command, form({ name: "", note: "kept", [FORM_TOKEN_FIELD]: "0123456789abcdef0123" }));
    expect(result).toEqual({
      ok: false,
      code: "INVALID_INPUT",
      message: "Check the highlighted fields and try again.",
      fieldErrors: { name: ["Enter a name"] },
      values: { name: "", note: "kept" },
    });
    expect(revalidatePath).not.toHaveBeenCalled();
    expect(updateTag).not.toHaveBeenCalled();
    expect(redirect).not.toHaveBeenCalled();
  });

  it("turns a signed-out user into a result, not a crash", async () => {
    vi.mocked(actingUser).mockRejectedValue(new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue."));
    expect(await runAction(vi.fn(), form({ name: "x" }))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it("turns a unique-key violation inside the command's transaction into a CONFLICT result", async () => {
    const { defineCommand } = await import("@/lib/data/command");
    const { z } = await import("zod");
    const duplicate = new Prisma.PrismaClientKnownRequestError("Unique constraint failed on the fields: (`name`)", {
      code: "P2002",
      clientVersion: "7.10.0",
    });
    const command = defineCommand(z.object({ name: z.string() }), async () => {
      throw duplicate;
    });
    const result = await runAction(command, form({ name: "2027/28" }));
    expect(result).toMatchObject({ ok: false, code: "CONFLICT", values: { name: "2027/28" } });
    expect(result.ok || result.message).toMatch(/^This already exists/);
  });

  it("logs an unexpected error and gives a generic result without its details", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const boom = new Error("connection to 10.0.0.7 refused at Pool.connect (/app/node_modules/pg/lib/pool.js:45)");
    const result = await runAction(
      async () => {
        throw boom;
      },
      form({ name: "x" }),
    );
    expect(result).toMatchObject({ ok: false, code: "UNEXPECTED", values: { name: "x" } });
    expect(JSON.stringify(result)).not.toContain("10.0.0.7");
    expect(log).toHaveBeenCalledWith(expect.any(String), boom);
  });

  it("refuses a form with too many fields as a form error", async () => {
    const command = vi.fn();
    const many = form(Object.fromEntries(Array.from({ length: 2_001 }, (_, i) => [`f${i}`, "x"])));
    expect(await runAction(command, many)).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(command).not.toHaveBeenCalled();
  });

  it("on success revalidates the changed pages and expires the lists' shared totals, then redirects", async () => {
    const result = await runAction(async () => ({ id: "r1" }), form({ name: "x" }), {
      revalidate: (r) => ["/priorities", `/priorities/rounds/${r.id}`],
      redirect: (r) => `/priorities/rounds/${r.id}`,
    });
    expect(vi.mocked(revalidatePath).mock.calls).toEqual([["/priorities"], ["/priorities/rounds/r1"]]);
    expect(updateTag).toHaveBeenCalledWith(LIST_TOTALS_TAG);
    expect(redirect).toHaveBeenCalledWith("/priorities/rounds/r1");
    expect(result).toEqual({ ok: true, data: { id: "r1" }, message: undefined });
  });

  it("on success without a redirect returns the message for the form", async () => {
    expect(await runAction(async () => ({ id: "r1" }), form({}), { message: "Round opened." })).toEqual({
      ok: true,
      data: { id: "r1" },
      message: "Round opened.",
    });
  });
});
