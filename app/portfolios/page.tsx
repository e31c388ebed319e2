import { PortfolioList } from "@/components/portfolio-list";
import { requirePageUser } from "@/lib/dal/pages";

export default async function PortfoliosPage() {
  const user = await requirePageUser();
  return (
    <>
      <h1>{user.role === "ADMIN" ? "All portfolios" : "Your portfolios"}</h1>
      <PortfolioList />
    </>
  );
}
