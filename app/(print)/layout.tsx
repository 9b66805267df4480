import { requireUser } from "@/lib/auth/session";

/** Pages made to be projected or printed (会议视图): no app shell, no controls but a way back. */
export default async function PrintLayout({ children }: { children: React.ReactNode }) {
  await requireUser();
  return (
    <main id="main" className="mx-auto max-w-[1400px] bg-white p-6 print:max-w-none print:p-0">
      {/* One A4 landscape page; colours kept when printed (the shapes carry the light in black and white too). */}
      <style>{"@page { size: A4 landscape; margin: 9mm 10mm; } @media print { html, body { background: #fff; } }"}</style>
      {children}
    </main>
  );
}
