// Some rows are edited from two places: whom a person leads is on the campaign form (its leads) and
// on the user form (their campaigns). Each form posts the version it was loaded with; a change made
// through the other form bumps that version too, so a form opened before it is refused as stale
// instead of silently putting the old list back.
import type { Tx } from "./index";

/** The ids in exactly one of the two lists: whose link changed. */
export function symmetricDifference(a: string[], b: string[]): string[] {
  const left = new Set(a);
  const right = new Set(b);
  return [...new Set([...a.filter((x) => !right.has(x)), ...b.filter((x) => !left.has(x))])].sort();
}

export async function bumpUserVersions(tx: Tx, userIds: string[]): Promise<void> {
  if (userIds.length) await tx.user.updateMany({ where: { id: { in: userIds } }, data: { version: { increment: 1 } } });
}

export async function bumpCampaignVersions(tx: Tx, campaignIds: string[]): Promise<void> {
  if (campaignIds.length) await tx.campaign.updateMany({ where: { id: { in: campaignIds } }, data: { version: { increment: 1 } } });
}
