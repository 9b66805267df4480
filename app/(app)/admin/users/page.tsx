import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignInLimits } from "@/components/admin/SignInLimits";
import { UserTable } from "@/components/admin/UserTable";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePermission } from "@/lib/auth/session";
import { currentRestrictions } from "@/lib/auth/throttle-admin";
import { maskEmail, maskMobile } from "@/lib/notify/contacts";
import { listUsers } from "@/lib/users/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  const admin = await requirePermission("administer");
  const [users, restrictions, t] = await Promise.all([listUsers(admin), currentRestrictions(admin), getTranslations("users")]);
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          <Link href="/admin/users/new" className="btn-primary">
            {t("new")}
          </Link>
        }
      />
      <UserTable
        selfId={admin.id}
        users={users.map((u) => ({
          id: u.id,
          username: u.username,
          name: u.name,
          title: u.title ?? "",
          org: u.org.name + (u.department ? ` · ${u.department.name}` : ""),
          roles: u.roles.map((r) => r.role),
          campaigns: u.leadOf.map((l) => l.campaign.number).sort((a, b) => a - b),
          contact: [maskMobile(u.mobile), maskEmail(u.email)].filter(Boolean).join(" · "),
          disabled: u.disabled,
          mustChangePassword: u.mustChangePassword,
          version: u.version,
        }))}
      />
      <SignInLimits restrictions={restrictions} />
    </>
  );
}
