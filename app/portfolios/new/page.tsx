import type { Metadata } from "next";
import { NewPortfolioForm } from "@/components/portfolios/new-portfolio-form";
import { currentAsOf } from "@/lib/dal/admin-as-of";
import { requirePageUser } from "@/lib/dal/pages";

export const metadata: Metadata = { title: "New portfolio" };

export default async function NewPortfolioPage() {
  await requirePageUser();
  const { asOf } = await currentAsOf();
  return (
    <>
      <h1>New portfolio</h1>
      <NewPortfolioForm asOf={asOf} />
    </>
  );
}
