import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { listPlans } from "@/lib/plans/queries";

/** The board of the current plan (the newest visible one); the plan list when there is none. */
export default async function BoardHome() {
  const user = await requireUser();
  const plans = await listPlans(user);
  const current = plans.find((p) => p.status === "ACTIVE") ?? plans[0];
  redirect(current ? `/plans/${current.id}/board` : "/plans");
}
