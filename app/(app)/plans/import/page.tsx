import { ClientMessages } from "@/components/i18n/ClientMessages";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConfirmImport } from "@/components/plans/import/ConfirmImport";
import { ImportReport } from "@/components/plans/import/ImportReport";
import { UploadForm } from "@/components/plans/import/UploadForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { importTown } from "@/lib/plans/import/context";
import { dryRunImport } from "@/lib/plans/import/dry-run";
import { Notice } from "@/components/ui/Notice";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What the upload route may send back in ?error=. */
const UPLOAD_PROBLEMS = ["empty", "tooLarge", "notXlsx", "unreadable", "notAllowed", "missing", "cutShort"];

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export async function generateMetadata() {
  return { title: (await getTranslations("planImport"))("title") };
}

/**
 * Importing a plan from Excel: upload (kept server-side), the dry run of every row, one confirm.
 * The file is named in the address (?file=&sha=, from the upload route) and checked again, against
 * the plan as it is now, on every visit and on the confirm. Only those who may import see the page.
 */
export default async function PlanImportPage({ searchParams }: Props) {
  const user = await requireUser();
  if (!(await importTown(db(), user))) notFound();
  const query = await searchParams;
  const [t, pt] = await Promise.all([getTranslations("planImport"), getTranslations("plans")]);

  const file = { storageKey: one(query.file) ?? "", sha256: one(query.sha) ?? "", fileName: one(query.name) ?? "" };
  const result = file.storageKey ? await dryRunImport(user, file) : null;
  const uploadProblem = one(query.error);
  const problem = result && !result.ok ? result.problem : uploadProblem && UPLOAD_PROBLEMS.includes(uploadProblem) ? uploadProblem : null;

  return (
    <ClientMessages namespaces={["planImport"]}>
      <div className="mx-auto max-w-6xl">
        <PageHeader crumbs={[{ href: "/plans", label: pt("title") }]} title={t("title")}>
          <p className="mt-2 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
        </PageHeader>
        <UploadForm />
        {problem && (
          <Notice tone="error" testId="import-problem" className="mt-4">
            {t(`problems.${problem}`)}
          </Notice>
        )}
        {result?.ok && (
          <>
            <ImportReport dry={result.dry} fileName={file.fileName} />
            {result.dry.errors.length === 0 && result.dry.plan && (
              <ConfirmImport storageKey={file.storageKey} sha256={file.sha256} fileName={file.fileName} fingerprint={result.dry.fingerprint} />
            )}
          </>
        )}
      </div>
    </ClientMessages>
  );
}
