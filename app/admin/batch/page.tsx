import type { Metadata } from "next";
import { RunLauncher } from "@/components/admin/run-launcher";
import { RunsTable } from "@/components/admin/runs-table";
import { ScheduleSummary } from "@/components/admin/schedule-summary";
import { currentAsOf } from "@/lib/dal/admin-as-of";
import { dailySchedule } from "@/lib/dal/admin-schedule";
import { requirePageAdmin } from "@/lib/dal/pages";
import { listPortfolios } from "@/lib/dal/portfolios";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Daily batch" };

export default async function AdminBatchPage() {
  const user = await requirePageAdmin();
  const [portfolios, asOf, schedule] = await Promise.all([listPortfolios(user), currentAsOf(), dailySchedule()]);
  return (
    <>
      <h1>Daily batch</h1>
      <RunLauncher portfolios={portfolios.map(({ id, name, latest, inceptionDate }) => ({ id, name, latest, inceptionDate }))} asOf={asOf.asOf} />
      <ScheduleSummary schedule={schedule} />
      <RunsTable />
    </>
  );
}
