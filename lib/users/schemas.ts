import { z } from "zod";

export const setDisabledSchema = z.object({
  userId: z.string().min(1).max(64),
  version: z.coerce.number().int().min(1),
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
