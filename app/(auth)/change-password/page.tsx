import { ClientMessages } from "@/components/i18n/ClientMessages";
import Link from "@/components/ui/Link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/components/shell/LocaleSwitch";
import { SignOutButton } from "@/components/shell/SignOutButton";
import { requireSignedIn } from "@/lib/auth/session";
import { ChangePasswordForm } from "./ChangePasswordForm";

export async function generateMetadata() {
  return { title: (await getTranslations("password"))("title") };
}

/**
 * 修改密码. Everyone on a temporary password is sent here by requireUser and cannot leave until it
 * is changed (this page itself only needs a session); anyone else may come from the user menu.
 */
export default async function ChangePasswordPage() {
  const user = await requireSignedIn();
  const [t, app, shell] = await Promise.all([getTranslations("password"), getTranslations("app"), getTranslations("shell")]);
  return (
    <ClientMessages namespaces={["password"]}>
      <div className="flex min-h-screen flex-col bg-gradient-to-b from-brand-700 to-brand-800">
        <header className="flex justify-end gap-3 p-3 text-white">
          <LocaleSwitch />
          <SignOutButton label={shell("signOut")} />
        </header>
        <main className="flex flex-1 items-start justify-center px-4 pt-6 sm:pt-16">
          <div className="card w-full max-w-sm p-6 sm:p-8">
            <p className="text-sm text-slate-600">{app("name")}</p>
            <h1 className="mt-1 text-2xl font-bold text-slate-900">{t("title")}</h1>
            <p className="mt-2 text-sm text-slate-700" data-testid="change-password-intro">
              {user.mustChangePassword ? t("mustChangeIntro", { name: user.name }) : t("intro", { name: user.name })}
            </p>
            <ChangePasswordForm username={user.username} />
            {!user.mustChangePassword && (
              <p className="mt-4 text-sm">
                <Link href="/" className="link">
                  {t("back")}
                </Link>
              </p>
            )}
          </div>
        </main>
      </div>
    </ClientMessages>
  );
}
