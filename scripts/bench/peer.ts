// The bench's peer app (bench/peer): built if needed, its better-auth tables created with
// better-auth's own migrator, one better-auth user and API key made for the demo workspace,
// and the server started on the stack's database. Bench-only: nothing here is in the product.
import { randomBytes } from "node:crypto";
import { ensureBuild } from "../next-build";
import { waitFor, type Stack } from "./stack";

const PEER_DIR = "bench/peer";

export function ensurePeerBuild() {
  ensureBuild({ dir: PEER_DIR, inputs: [PEER_DIR, "lib", "tsconfig.json", "package-lock.json", "prisma/schema.prisma"] });
}

export async function startPeer(stack: Stack, workspaceId: string) {
  const secret = randomBytes(32).toString("base64url");
  process.env.BETTER_AUTH_SECRET = secret;
  const { peerAuth, peerAuthOptions, PEER_RATE_LIMIT_MAX, PEER_RATE_LIMIT_WINDOW_MS } = await import("../../bench/peer/auth");
  const { getMigrations } = await import("better-auth/db/migration");
  await (await getMigrations(peerAuthOptions())).runMigrations();
  const auth = peerAuth();
  const context = await auth.$context;
  const user = await context.internalAdapter.createUser(
    { email: "bench-peer@example.com", name: "Bench peer", emailVerified: true },
    { method: "admin" },
  );
  const created = await auth.api.createApiKey({
    body: {
      userId: user.id,
      name: "bench",
      metadata: { workspaceId },
      rateLimitEnabled: true,
      rateLimitTimeWindow: PEER_RATE_LIMIT_WINDOW_MS,
      rateLimitMax: PEER_RATE_LIMIT_MAX,
    },
  });
  const server = await stack.spawnNext(PEER_DIR, { BETTER_AUTH_SECRET: secret, BENCH_WORKSPACE_ID: workspaceId });
  await waitFor(`${server.url}/open/workspaces/current/tasks`);
  return { ...server, key: created.key };
}
