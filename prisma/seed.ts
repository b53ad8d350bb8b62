// Demo seed: organisations, the demo users, criteria, priorities, and credentials at every stage of the lifecycle.
// Idempotent: does nothing if the demo staff user exists; otherwise writes everything in one transaction.
//   tsx prisma/seed.ts            (uses DATABASE_URL)
import "dotenv/config";
import { pathToFileURL } from "node:url";
import { hash } from "@node-rs/argon2";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { DEMO_PASSWORD } from "./demo-users";
import { startClock } from "./seed/dates";
import { seedAll } from "./seed/index";
import { STAFF_EMAIL } from "./seed/people";

export async function seed(databaseUrl: string): Promise<{ created: boolean }> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  const seeded = async () => (await prisma.user.count({ where: { email: STAFF_EMAIL } })) > 0;
  try {
    if (await seeded()) return { created: false };
    startClock();
    const passwordHash = await hash(DEMO_PASSWORD);
    try {
      await prisma.$transaction((tx) => seedAll(tx, passwordHash), { timeout: 60_000 });
    } catch (err) {
      // Another process seeded concurrently: our transaction rolled back on the unique e-mail.
      if ((err as { code?: string }).code === "P2002" && (await seeded())) return { created: false };
      throw err;
    }
    return { created: true };
  } finally {
    await prisma.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("Set DATABASE_URL to the database to seed.");
    process.exit(1);
  }
  seed(url).then(
    ({ created }) => console.log(created ? "Seeded the demo data." : "Demo data already present; nothing to do."),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
