import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/dal/session";

export default async function Home() {
  redirect((await getSessionUser()) ? "/portfolios" : "/sign-in");
}
