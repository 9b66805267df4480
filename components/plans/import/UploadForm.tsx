import { getTranslations } from "next-intl/server";

/**
 * The template link and the upload: a plain multipart form posting to the upload route, which keeps
 * the file and comes back to this page with its dry run. Works without script.
 */
export async function UploadForm() {
  const t = await getTranslations("planImport");
  return (
    <section className="card space-y-4 p-4" aria-labelledby="import-upload-heading">
      <h2 id="import-upload-heading" className="sr-only">
        {t("check")}
      </h2>
      <div>
        {/* A download, not a page: a plain link (no prefetch). */}
        <a href="/api/plans/template" download className="btn-secondary">
          {t("templateLink")}
        </a>
        <p className="mt-2 text-xs text-slate-500">{t("templateHint")}</p>
      </div>
      <form action="/api/plans/import" method="post" encType="multipart/form-data" className="space-y-3">
        <div>
          <label htmlFor="import-file" className="label">
            {t("file")}
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            required
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="import-file-hint"
            className="block w-full text-sm"
          />
          <p id="import-file-hint" className="mt-1 text-xs text-slate-500">
            {t("fileHint")}
          </p>
        </div>
        <button type="submit" className="btn-primary">
          {t("check")}
        </button>
      </form>
    </section>
  );
}
