import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EditUserForm } from "@/components/admin/EditUserForm";
import { ResetPasswordForm } from "@/components/admin/ResetPasswordForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireRole } from "@/lib/auth/session";
import { userFormChoices, userForEdit } from "@/lib/users/queries";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("editTitle") };
}

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireRole("ADMIN");
  const { id } = await params;
  const [user, choices, t] = await Promise.all([userForEdit(admin, id), userFormChoices(admin), getTranslations("users")]);
  if (!user) notFound();
  const self = user.id === admin.id;
  return (
    <>
      <PageHeader
        title={`${user.name}（${user.username}）`}
        subtitle={[user.org.name, user.disabled ? t("disabled") : null, user.mustChangePassword ? t("temporaryPasswordState") : null].filter(Boolean).join(" · ")}
        crumbs={[{ href: "/admin/users", label: t("title") }]}
      />
      <div className="grid max-w-3xl gap-6">
        <EditUserForm
          userId={user.id}
          orgId={user.orgId}
          version={user.version}
          self={self}
          choices={choices}
          initial={{
            name: user.name,
            title: user.title ?? "",
            departmentId: user.departmentId ?? "",
            roles: [...new Set(user.roles.map((r) => r.role))],
            campaignIds: user.leadOf.map((l) => l.campaignId),
            isPrincipal: user.isPrincipal,
          }}
        />
        {self ? (
          <p className="card p-4 text-sm sm:p-6">
            {t("resetSelf")}{" "}
            <Link href="/change-password" className="link">
              {t("changeOwnPassword")}
            </Link>
          </p>
        ) : (
          <ResetPasswordForm userId={user.id} username={user.username} />
        )}
      </div>
    </>
  );
}
