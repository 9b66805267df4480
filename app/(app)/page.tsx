import { redirect } from "next/navigation";
import { may } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

/** Home: a lead's desk; for everyone else the board, which opens the current plan's. */
export default async function Home() {
  const user = await requireUser();
  redirect(may(user, "leadOwn") ? "/my" : "/board");
}
