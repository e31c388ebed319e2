import { RunLauncher } from "@/components/admin/run-launcher";
import { RunsTable } from "@/components/admin/runs-table";
import { currentAsOf } from "@/lib/dal/admin-as-of";
import { requirePageAdmin } from "@/lib/dal/pages";
import { listPortfolios } from "@/lib/dal/portfolios";

export const dynamic = "force-dynamic";

export default async function AdminBatchPage() {
  const user = await requirePageAdmin();
  const [portfolios, asOf] = await Promise.all([listPortfolios(user), currentAsOf()]);
  return (
    <>
      <h1>Daily batch</h1>
      <RunLauncher portfolios={portfolios.map(({ id, name, latest, inceptionDate }) => ({ id, name, latest, inceptionDate }))} asOf={asOf.asOf} />
      <RunsTable />
    </>
  );
}
