import { ClientMessages } from "@/components/i18n/ClientMessages";
import Link from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SessionTable } from "@/components/account/SessionTable";
import { EditUserForm } from "@/components/admin/EditUserForm";
import { EndSessionsForm } from "@/components/admin/EndSessionsForm";
import { ResetPasswordForm } from "@/components/admin/ResetPasswordForm";
import { ContactsSection } from "@/components/notify/ContactsSection";
import { PageHeader } from "@/components/ui/PageHeader";
import { requirePermission } from "@/lib/auth/session";
import { userSessionsForAdmin } from "@/lib/auth/session-mutations";
import { userFormChoices, userForEdit } from "@/lib/users/queries";
import { idParams } from "@/lib/http/params";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("editTitle") };
}

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requirePermission("administer");
  const { id } = await idParams(params);
  const [user, choices, sessions, t, account] = await Promise.all([
    userForEdit(admin, id),
    userFormChoices(admin),
    userSessionsForAdmin(admin, id),
    getTranslations("users"),
    getTranslations("account"),
  ]);
  if (!user) notFound();
  const self = user.id === admin.id;
  return (
    <ClientMessages namespaces={["account", "contacts", "departments", "password", "roles", "users"]}>
      <>
        <PageHeader
          title={`${user.name}（${user.username}）`}
          subtitle={[user.org.name, user.disabled ? t("disabled") : null, user.mustChangePassword ? t("temporaryPasswordState") : null]
            .filter(Boolean)
            .join(" · ")}
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
          <ContactsSection viewer={admin} userId={user.id} />
          {self ? (
            <p className="card p-4 text-sm sm:p-6">
              {t("resetSelf")} {/* Inside a sentence: underlined, not told apart by its colour alone. */}
              <Link href="/change-password" className="link underline">
                {t("changeOwnPassword")}
              </Link>
            </p>
          ) : (
            <ResetPasswordForm userId={user.id} username={user.username} />
          )}
          <section className="card space-y-3 p-4 sm:p-6" aria-labelledby="user-sessions-heading">
            <h2 id="user-sessions-heading" className="text-lg font-semibold">
              {account("userSessionsTitle")}
            </h2>
            <p className="text-sm text-slate-600">{account("userSessionsIntro")}</p>
            <SessionTable sessions={sessions ?? []} testId="user-sessions" />
            {self ? (
              <p className="text-sm">
                <Link href="/account" className="link">
                  {account("endSessionsSelf")}
                </Link>
              </p>
            ) : (
              <EndSessionsForm userId={user.id} />
            )}
          </section>
        </div>
      </>
    </ClientMessages>
  );
}
