import { redirect } from "next/navigation";
import { may } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listPlans } from "@/lib/plans/queries";

/** Home: a lead's desk; for everyone else the status board of the current plan. */
export default async function Home() {
  const user = await requireUser();
  if (may(user, "leadOwn")) redirect("/my");
  const plans = await listPlans(user);
  const current = plans.find((p) => p.status === "ACTIVE") ?? plans[0];
  redirect(current ? `/plans/${current.id}/board` : "/plans");
}
