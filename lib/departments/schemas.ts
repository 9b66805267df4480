// What the department forms post. Messages are catalogue keys (departments.*, validation.*).
import { z } from "zod";

const id = z.string().min(1).max(64);
const version = z.coerce.number({ message: "validation.invalid" }).int().min(1);
const name = z.string({ message: "departments.nameRequired" }).trim().min(1, "departments.nameRequired").max(40, "validation.tooLong");

export const createDepartmentSchema = z.object({ orgId: z.string({ message: "departments.orgInvalid" }).min(1, "departments.orgInvalid").max(64), name });
export const renameDepartmentSchema = z.object({ departmentId: id, version, name });
export const deleteDepartmentSchema = z.object({ departmentId: id, version });
