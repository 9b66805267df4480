"use server";
import { formAction } from "@/lib/form-action";
import { applyImport } from "./apply";

/** The one confirm of the import page: apply the checked file, all or nothing. */
export const confirmImportAction = formAction({ write: applyImport, echo: "never" });
