import Link from "@/components/ui/Link";

export function ErrorPage({ code, title, message, homeLabel }: { code: string; title: string; message: string; homeLabel: string }) {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-5xl font-bold text-brand-600">{code}</p>
      <h1 className="mt-4 text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-600">{message}</p>
      <Link href="/" className="btn-primary mt-6">
        {homeLabel}
      </Link>
    </main>
  );
}
