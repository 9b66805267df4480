import { redirect } from "next/navigation";
import { may } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

/** Home: a lead's desk, a county user's overview; for everyone else the board, which opens the current plan's. */
export default async function Home() {
  const user = await requireUser();
  if (may(user, "leadOwn")) redirect("/my");
  // County users follow all their towns: they land on the county overview.
  redirect(user.orgIds.length > 1 ? "/county" : "/board");
}
