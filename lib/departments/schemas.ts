// What the department forms post. Messages are catalogue keys (departments.*, validation.*).
import { z } from "zod";
import { ID_PATTERN, recordId } from "@/lib/validation/ids";

const id = recordId;
const version = z.coerce.number({ message: "validation.invalid" }).int().min(1);
const name = z.string({ message: "departments.nameRequired" }).trim().min(1, "departments.nameRequired").max(40, "validation.tooLong");

export const createDepartmentSchema = z.object({ orgId: z.string({ message: "departments.orgInvalid" }).regex(ID_PATTERN, "departments.orgInvalid"), name });
export const renameDepartmentSchema = z.object({ departmentId: id, version, name });
export const deleteDepartmentSchema = z.object({ departmentId: id, version });
