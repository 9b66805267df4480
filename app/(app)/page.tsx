import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { listPlans } from "@/lib/plans/queries";

/** Home: straight to the plan when there is one, else the list of plans. */
export default async function Home() {
  const user = await requireUser();
  const plans = await listPlans(user);
  redirect(plans.length === 1 && plans[0] ? `/plans/${plans[0].id}` : "/plans");
}
