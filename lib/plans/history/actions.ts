"use server";
import { formAction } from "@/lib/form-action";
import { decidePlanChange } from "./approval";

/** A leader approves or rejects a change of targets waiting for approval. */
export const decidePlanChangeAction = formAction({ permission: "decidePlanChanges", write: decidePlanChange, echo: "never" });
