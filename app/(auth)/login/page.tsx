import { ClientMessages } from "@/components/i18n/ClientMessages";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/LoginForm";
import { LocaleSwitch } from "@/components/shell/LocaleSwitch";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { Notice } from "@/components/ui/Notice";

export async function generateMetadata() {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Only ever a path on this site: a callbackUrl must never send a user to another host.
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations("login");
  const app = await getTranslations("app");
  const demo = (await db().plan.count({ where: { isSample: true } })) > 0;
  return (
    <ClientMessages namespaces={["login"]}>
      <div className="flex min-h-screen flex-col bg-gradient-to-b from-brand-700 to-brand-800">
        <header className="flex justify-end p-3 text-white">
          <LocaleSwitch />
        </header>
        <main className="flex flex-1 items-start justify-center px-4 pt-6 sm:pt-16">
          <div className="card w-full max-w-sm p-6 sm:p-8">
            <h1 className="text-2xl font-bold text-slate-900">{app("name")}</h1>
            <p className="mt-1 text-sm text-slate-600">{app("tagline")}</p>
            <h2 className="mt-6 text-lg font-semibold">{t("title")}</h2>
            <LoginForm callbackUrl={callbackUrl} />
            {demo && (
              <Notice tone="warning" role="note" className="mt-6">
                {t("demoHint")}
              </Notice>
            )}
          </div>
        </main>
      </div>
    </ClientMessages>
  );
}
