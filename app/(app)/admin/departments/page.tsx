import { ClientMessages } from "@/components/i18n/ClientMessages";
import { getTranslations } from "next-intl/server";
import { DepartmentCreateForm } from "@/components/admin/DepartmentCreateForm";
import { DepartmentList } from "@/components/admin/DepartmentList";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePermission } from "@/lib/auth/session";
import { departmentOrgs, listDepartments } from "@/lib/departments/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("departments"))("title") };
}

/** 部门管理: office staff and admins keep the list of their organisations' departments. */
export default async function DepartmentsPage() {
  const user = await requirePermission("keepDepartments");
  const [rows, orgs, t] = await Promise.all([listDepartments(user), departmentOrgs(user), getTranslations("departments")]);
  return (
    <ClientMessages namespaces={["departments", "users"]}>
      <>
        <PageHeader title={t("title")} subtitle={t("intro")} />
        <div className="grid max-w-4xl gap-6">
          <DepartmentCreateForm orgs={orgs} defaultOrgId={user.orgId} />
          <DepartmentList rows={rows} showOrg={orgs.length > 1} />
        </div>
      </>
    </ClientMessages>
  );
}
