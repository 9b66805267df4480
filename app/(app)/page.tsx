import { redirect } from "next/navigation";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listPlans } from "@/lib/plans/queries";

/** Home: a lead's desk; for everyone else the plan when there is one, else the list of plans. */
export default async function Home() {
  const user = await requireUser();
  if (hasRole(user, "LEAD")) redirect("/my");
  const plans = await listPlans(user);
  redirect(plans.length === 1 && plans[0] ? `/plans/${plans[0].id}` : "/plans");
}
