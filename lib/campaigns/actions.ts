"use server";
// The campaign form's server actions: a refused save keeps what was typed, a successful one opens the campaign.
import { formAction } from "@/lib/form-action";
import { createCampaign, updateCampaign } from "./mutations";

/** Checkbox groups post one entry per ticked box. */
const multiple = ["cooperatingIds", "leadIds"];
const toCampaign = (saved: { id: string } | undefined) => `/campaigns/${saved?.id ?? ""}`;

export const createCampaignAction = formAction({ multiple, write: createCampaign, next: toCampaign });
export const updateCampaignAction = formAction({ multiple, write: updateCampaign, next: toCampaign });
