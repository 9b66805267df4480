// What the campaign form posts: who leads it (department, official, leads) and when it runs.
import { z } from "zod";
import { id, idList, optionalDate, optionalId, optionalText, requiredText, version, wholeNumber } from "@/lib/validation/form-fields";
import { TEXT_LIMITS } from "@/lib/validation/limits";

const campaignFields = {
  number: wholeNumber(1, 999, "validation.campaignNumber"),
  name: requiredText(TEXT_LIMITS.name),
  nameEn: optionalText(TEXT_LIMITS.long),
  description: optionalText(TEXT_LIMITS.text),
  leadDepartmentId: optionalId,
  cooperatingIds: idList,
  leadingOfficialId: optionalId,
  /** A leader named to review the campaign's reports besides its 分管领导 and the principal leaders. */
  reviewerId: optionalId,
  leadIds: idList,
  startDate: optionalDate,
  endDate: optionalDate,
};

const datesInOrder = <T extends { startDate: Date | null; endDate: Date | null }>(c: T) => !c.startDate || !c.endDate || c.endDate >= c.startDate;
const dateOrder = { path: ["endDate"], message: "validation.endBeforeStart" };

export const createCampaignSchema = z.object({ planId: id, ...campaignFields }).refine(datesInOrder, dateOrder);
export const updateCampaignSchema = z.object({ campaignId: id, version, ...campaignFields }).refine(datesInOrder, dateOrder);

export type CampaignFields = z.infer<typeof createCampaignSchema>;
