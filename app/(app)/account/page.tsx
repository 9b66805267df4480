import { ClientMessages } from "@/components/i18n/ClientMessages";
import Link from "@/components/ui/Link";
import { getTranslations } from "next-intl/server";
import { SessionTable } from "@/components/account/SessionTable";
import { SignOutEverywhereButton } from "@/components/account/SignOutEverywhereButton";
import { ContactsSection } from "@/components/notify/ContactsSection";
import { PageHeader } from "@/components/ui/PageHeader";
import { Section } from "@/components/ui/Section";
import { requireUser, sessionClaims } from "@/lib/auth/session";
import { openSessions } from "@/lib/auth/sessions";
import { env } from "@/lib/env";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

/** The signed-in person's own account: where they are signed in, "sign out everywhere", their password. */
export default async function AccountPage() {
  const user = await requireUser();
  const [claims, sessions, t, password, roles] = await Promise.all([
    sessionClaims(),
    openSessions(user.id),
    getTranslations("account"),
    getTranslations("password"),
    getTranslations("roles"),
  ]);
  return (
    <ClientMessages namespaces={["account", "contacts"]}>
      <div className="mx-auto max-w-4xl">
        <PageHeader title={t("title")} subtitle={`${user.name}（${user.username}）· ${user.roles.map((r) => roles(r)).join("、")}`} />
        <div className="grid gap-6">
          <Section title={t("sessionsTitle")} className="sm:p-6">
            <p className="text-sm text-slate-600">{t("sessionsIntro")}</p>
            <SessionTable sessions={sessions} currentId={typeof claims?.sid === "string" ? claims.sid : undefined} testId="my-sessions" />
            <p className="text-sm text-slate-600">{t("timeouts", { maxHours: env.DUBAN_SESSION_MAX_HOURS, idleMinutes: env.DUBAN_SESSION_IDLE_MINUTES })}</p>
            <SignOutEverywhereButton />
          </Section>
          <ContactsSection viewer={user} userId={user.id} />
          <section className="card p-4 sm:p-6">
            <Link href="/change-password" className="link">
              {password("change")}
            </Link>
          </section>
        </div>
      </div>
    </ClientMessages>
  );
}
