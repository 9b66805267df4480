import Link from "@/components/ui/Link";
import { getTranslations } from "next-intl/server";
import { may } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { unreadCount } from "@/lib/inbox/queries";
import { LocaleSwitch } from "./LocaleSwitch";
import { NavLinks } from "./NavLinks";
import { SignOutButton } from "./SignOutButton";

export async function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const [t, roles, departments, account, auditLog, unread] = await Promise.all([
    getTranslations("shell"),
    getTranslations("roles"),
    getTranslations("departments"),
    getTranslations("account"),
    getTranslations("auditLog"),
    unreadCount(user),
  ]);
  const links = [
    ...(may(user, "leadOwn") ? [{ href: "/my", label: t("nav.my") }] : []),
    // County users see all their towns: the overview comes first.
    ...(user.orgIds.length > 1 ? [{ href: "/county", label: t("nav.county") }] : []),
    { href: "/board", label: t("nav.board") },
    { href: "/plans", label: t("nav.plans") },
    ...(may(user, "administer") ? [{ href: "/admin/users", label: t("nav.users") }] : []),
    ...(may(user, "keepDepartments") ? [{ href: "/admin/departments", label: departments("title") }] : []),
    ...(may(user, "readAudit") ? [{ href: "/admin/audit", label: auditLog("title") }] : []),
  ];
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <header className="bg-brand-700 text-white shadow print:hidden">
        <div className="mx-auto flex max-w-7xl items-center gap-x-4 gap-y-1 px-3 py-2 sm:px-6">
          <Link href="/" className="shrink-0 text-lg font-bold tracking-wide">
            <span className="sm:hidden">{t("brandShort")}</span>
            <span className="max-sm:hidden">{t("brand")}</span>
          </Link>
          <div className="ml-auto flex min-w-0 items-center gap-2 text-sm sm:gap-3">
            {/* Who is signed in, on a phone too: a shared office phone is common. */}
            {/* On a phone the name is also the way to the account page (no room for both). */}
            <span className="min-w-0 truncate" data-testid="current-user">
              <Link href="/account" className="underline-offset-2 hover:underline sm:hidden" aria-label={`${account("nav")}（${user.name}）`}>
                {user.name}
              </Link>
              <span className="max-sm:hidden">
                {user.name}
                <span className="ml-1 opacity-80">（{user.roles.map((r) => roles(r)).join("、")}）</span>
              </span>
            </span>
            {/* The inbox with its unread count, on a phone too: where reminders and 批示 arrive. */}
            <Link
              href="/inbox"
              className="flex shrink-0 items-center gap-1 rounded px-1.5 py-1 whitespace-nowrap opacity-90 hover:bg-white/10 hover:opacity-100 sm:px-2"
              aria-label={unread > 0 ? `${t("nav.inbox")}（${t("unread", { count: unread })}）` : t("nav.inbox")}
              data-testid="inbox-link"
            >
              {t("nav.inbox")}
              {unread > 0 && (
                <span className="num min-w-5 rounded-full bg-white px-1.5 text-center text-xs leading-5 font-bold text-brand-700" data-testid="unread-count">
                  {unread > 99 ? "99+" : unread}
                </span>
              )}
            </Link>
            <Link href="/account" className="shrink-0 rounded px-2 py-1 opacity-90 hover:bg-white/10 hover:opacity-100 max-sm:hidden">
              {account("nav")}
            </Link>
            <LocaleSwitch />
            <SignOutButton label={t("signOut")} />
          </div>
        </div>
        <nav aria-label={t("mainNav")} className="mx-auto max-w-7xl overflow-x-auto px-1 sm:px-4">
          <NavLinks links={links} />
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-3 py-4 sm:px-6 sm:py-6">
        {children}
      </main>
    </div>
  );
}
