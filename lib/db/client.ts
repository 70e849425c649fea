// The one Prisma client of the process. Only lib/ imports this (a lint rule keeps it so).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set. Start the app with `npm start`.");
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // Fail fast when the database is unreachable, so requests get a 503 instead of hanging.
      connectionTimeoutMillis: 5_000,
    }),
  });
}

/** Lazily created so that importing lib/ (e.g. during `next build`) never opens a connection. */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

export type { PrismaClient };
