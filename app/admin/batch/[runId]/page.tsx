import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RunDetailView } from "@/components/admin/run-detail-view";
import { ApiError } from "@/lib/api/errors";
import { currentAsOf } from "@/lib/dal/admin-as-of";
import { getRunOrThrow } from "@/lib/dal/admin-runs";
import { requirePageAdmin } from "@/lib/dal/pages";
import { listPortfolios } from "@/lib/dal/portfolios";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Batch run" };

export default async function AdminRunPage({ params }: { params: Promise<{ runId: string }> }) {
  const user = await requirePageAdmin();
  const { runId } = await params;
  try {
    await getRunOrThrow(runId);
  } catch (e) {
    if (e instanceof ApiError && e.code === "not_found") notFound();
    throw e;
  }
  const [portfolios, asOf] = await Promise.all([listPortfolios(user), currentAsOf()]);
  return (
    <>
      <p className="muted">
        <Link href="/admin/batch">Daily batch</Link> /
      </p>
      <h1>Batch run</h1>
      <RunDetailView runId={runId} portfolios={portfolios.map(({ id, name, latest, inceptionDate }) => ({ id, name, latest, inceptionDate }))} asOf={asOf.asOf} />
    </>
  );
}
