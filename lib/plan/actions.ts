"use server";
import { formAction } from "@/lib/form-action";
import { decidePlanChange } from "./approval";
import { saveBaselineMonths } from "./baseline-months";

/** A leader approves or rejects a change of targets waiting for approval. */
export const decidePlanChangeAction = formAction({ permission: "decidePlanChanges", write: decidePlanChange, echo: "never" });

/** Staff save the baseline year's monthly figures of an indicator (同比基数). */
export const saveBaselineMonthsAction = formAction({ write: saveBaselineMonths });
