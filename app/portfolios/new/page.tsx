import { NewPortfolioForm } from "@/components/portfolios/new-portfolio-form";
import { currentAsOf } from "@/lib/dal/admin-as-of";
import { requirePageUser } from "@/lib/dal/pages";

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
