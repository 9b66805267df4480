import { getTranslations } from "next-intl/server";
import { UserTable } from "@/components/admin/UserTable";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireRole } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireRole("ADMIN");
  const [users, t, params] = await Promise.all([listUsers(admin), getTranslations("users"), searchParams]);
  const q = typeof params.q === "string" ? params.q : "";
  return (
    <>
      <PageHeader title={t("title")} />
      <UserTable
        selfId={admin.id}
        initialQuery={q}
        users={users.map((u) => ({
          id: u.id,
          username: u.username,
          name: u.name,
          title: u.title ?? "",
          org: u.org.name + (u.department ? ` · ${u.department.name}` : ""),
          roles: u.roles.map((r) => r.role),
          campaigns: u.leadOf.map((l) => l.campaign.number).sort((a, b) => a - b),
          disabled: u.disabled,
          version: u.version,
        }))}
      />
    </>
  );
}
