"use client";
// A fault nobody foresaw in a dashboard page: shown inside the dashboard's shell (header,
// workspace switcher, Settings navigation), so the person can go on from where they were.
import { FaultNotice } from "@/components/fault-notice";

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  return <FaultNotice error={error} retry={retry} />;
}
