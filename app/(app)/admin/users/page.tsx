import { ClientMessages } from "@/components/i18n/ClientMessages";
import Link from "@/components/ui/Link";
import { getTranslations } from "next-intl/server";
import { SignInLimits } from "@/components/admin/SignInLimits";
import { UserTable } from "@/components/admin/UserTable";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePermission } from "@/lib/auth/session";
import { currentRestrictions } from "@/lib/auth/throttle-admin";
import { listUsers } from "@/lib/users/queries";
import { userRows } from "@/lib/users/view";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const admin = await requirePermission("administer");
  const [users, restrictions, t] = await Promise.all([listUsers(admin), currentRestrictions(admin), getTranslations("users")]);
  return (
    <ClientMessages namespaces={["account", "roles", "status", "table", "users"]}>
      <>
        <PageHeader
          title={t("title")}
          actions={
            <Link href="/admin/users/new" className="btn-primary">
              {t("new")}
            </Link>
          }
        />
        <UserTable selfId={admin.id} users={userRows(users)} />
        <SignInLimits restrictions={restrictions} />
      </>
    </ClientMessages>
  );
}
