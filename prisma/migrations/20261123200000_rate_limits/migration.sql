-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "rate_limit_burst" INTEGER NOT NULL DEFAULT 40,
ADD COLUMN     "rate_limit_quota" INTEGER NOT NULL DEFAULT 200;

-- CreateTable
CREATE TABLE "rate_limit_states" (
    "workspace_id" TEXT NOT NULL,
    "burst_start" TIMESTAMPTZ(3) NOT NULL,
    "burst_count" INTEGER NOT NULL,
    "quota_start" TIMESTAMPTZ(3) NOT NULL,
    "quota_count" INTEGER NOT NULL,
    "last_allowed" BOOLEAN NOT NULL,

    CONSTRAINT "rate_limit_states_pkey" PRIMARY KEY ("workspace_id")
);

-- CreateTable
CREATE TABLE "failed_auth_attempts" (
    "ip" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "failed_auth_attempts_pkey" PRIMARY KEY ("ip")
);

-- AddForeignKey
ALTER TABLE "rate_limit_states" ADD CONSTRAINT "rate_limit_states_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
