import type { Metadata } from "next";
import { FreshnessView } from "@/components/admin/freshness-view";
import { requirePageAdmin } from "@/lib/dal/pages";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Market data freshness" };

export default async function AdminDataPage() {
  await requirePageAdmin();
  return (
    <>
      <h1>Market data freshness</h1>
      <FreshnessView />
    </>
  );
}
