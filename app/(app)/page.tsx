import { redirect } from "next/navigation";
import { hasRole } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listPlans } from "@/lib/plans/queries";

/** Home: a lead's desk, a county user's overview; for everyone else the status board of the current plan. */
export default async function Home() {
  const user = await requireUser();
  if (hasRole(user, "LEAD")) redirect("/my");
  // County users follow all their towns: they land on the county overview.
  if (user.orgIds.length > 1) redirect("/county");
  const plans = await listPlans(user);
  const current = plans.find((p) => p.status === "ACTIVE") ?? plans[0];
  redirect(current ? `/plans/${current.id}/board` : "/plans");
}
