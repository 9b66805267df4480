import { redirect } from "next/navigation";
import { may } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

/**
 * Home: a lead's desk, a county user's overview; the town's leaders (who write 批示) land on their
 * inbox, whose top says what needs them (reports to review, escalations, answers to close, campaigns
 * newly red); everyone else the board, which opens the current plan's.
 */
export default async function Home() {
  const user = await requireUser();
  if (may(user, "leadOwn")) redirect("/my");
  // County users follow all their towns: they land on the county overview.
  if (user.orgIds.length > 1) redirect("/county");
  // Admins (who may write 批示 too) keep the board: they run the system rather than follow campaigns.
  redirect(may(user, "comment") && !may(user, "administer") ? "/inbox" : "/board");
}
