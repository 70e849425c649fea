// The one Prisma client of the process. Only lib/ imports this (a lint rule keeps it so).
// It runs on the process's one pg pool (pool.ts), which the hot statements use directly, so
// DATABASE_POOL_SIZE is the number of connections per process.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { pool } from "./pool";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** Lazily created so that importing lib/ (e.g. during `next build`) never opens a connection. */
export function db(): PrismaClient {
  // $disconnect() (launcher and bench, at the end) closes the shared pool too.
  globalForPrisma.prisma ??= new PrismaClient({ adapter: new PrismaPg(pool(), { disposeExternalPool: true }) });
  return globalForPrisma.prisma;
}

export type { PrismaClient };
