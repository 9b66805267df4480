"use client";
import Link from "@/components/ui/Link";
import { useTranslations } from "next-intl";
import { useActionState, useMemo } from "react";
import { columnHelper } from "@/components/ui/data-table-features";
import { DataTable } from "@/components/ui/DataTable";
import { toggleUserDisabled } from "@/lib/users/actions";
import type { UserRow } from "@/lib/users/view";

export type { UserRow };

const col = columnHelper<UserRow>();

export function UserTable({ users, selfId }: { users: UserRow[]; selfId: string }) {
  const t = useTranslations("users");
  const roles = useTranslations("roles");
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("username", { header: t("username"), sortFn: "text", meta: { label: t("username") } }),
        col.accessor("name", {
          header: t("name"),
          sortFn: "text",
          meta: { label: t("name") },
          cell: (info) => (
            <>
              {info.getValue()}
              {info.row.original.id === selfId && <span className="text-slate-500">{t("self")}</span>}
              {info.row.original.title && <span className="block text-xs text-slate-500">{info.row.original.title}</span>}
            </>
          ),
        }),
        col.accessor("org", { header: t("org"), sortFn: "text", meta: { label: t("org") } }),
        col.accessor("contact", { header: t("contact"), enableSorting: false, meta: { label: t("contact") } }),
        col.accessor((r) => r.roles.map((x) => roles(x)).join("、"), {
          id: "role",
          header: t("roles"),
          filterFn: "equalsString",
          meta: { label: t("roles"), filter: "select", filterLabel: t("roles"), allLabel: t("roles") },
        }),
        col.accessor((r) => r.campaigns.join("、"), { id: "campaigns", header: t("campaigns"), enableSorting: false, meta: { label: t("campaigns") } }),
        col.accessor((r) => (r.disabled ? t("disabled") : t("active")), {
          id: "state",
          header: t("state"),
          filterFn: "equalsString",
          meta: { label: t("state"), filter: "select", filterLabel: t("state"), allLabel: t("state") },
          cell: (info) => (
            <>
              <span className={info.row.original.disabled ? "rounded bg-slate-200 px-1.5 text-slate-700" : "rounded bg-green-100 px-1.5 text-green-800"}>
                {info.getValue()}
              </span>
              {info.row.original.mustChangePassword && <span className="block text-xs text-amber-800">{t("temporaryPasswordState")}</span>}
            </>
          ),
        }),
        col.display({
          id: "actions",
          header: t("actions"),
          meta: { label: t("actions") },
          cell: (info) => (
            <div className="flex flex-wrap items-center gap-2">
              <Link
                href={`/admin/users/${info.row.original.id}`}
                className="btn-secondary min-h-8 px-3"
                aria-label={`${t("edit")} ${info.row.original.username}`}
              >
                {t("edit")}
              </Link>
              {info.row.original.id !== selfId && <ToggleDisabled user={info.row.original} />}
            </div>
          ),
        }),
      ]),
    [t, roles, selfId],
  );
  return (
    <DataTable
      data={users}
      columns={columns}
      getRowId={(r) => r.id}
      caption={t("title")}
      searchLabel={t("search")}
      countText={(shown, total) => `${shown} / ${total}`}
      emptyText="—"
      rowTestId="user-row"
    />
  );
}

function ToggleDisabled({ user }: { user: UserRow }) {
  const t = useTranslations("users");
  const [state, action, pending] = useActionState(toggleUserDisabled, null);
  const result = state?.result;
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
      <button
        type="submit"
        className="btn-secondary min-h-8 px-3"
        disabled={pending}
        aria-label={`${user.disabled ? t("enable") : t("disable")} ${user.username}`}
      >
        {user.disabled ? t("enable") : t("disable")}
      </button>
      <span aria-live="polite" className="text-xs">
        {result && !result.ok && <span className="text-red-700">{t("conflict")}</span>}
      </span>
    </form>
  );
}
