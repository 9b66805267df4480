"use client";
import Link from "@/components/ui/Link";
import { usePathname } from "next/navigation";

export function NavLinks({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex gap-1 whitespace-nowrap text-sm">
      {links.map((l) => {
        // The board lives under /plans/<id>/board: it, not the plan list, is active there.
        const onBoard = pathname.endsWith("/board");
        const active = l.href === "/board" ? onBoard : !onBoard && (pathname === l.href || pathname.startsWith(`${l.href}/`));
        return (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={active ? "page" : undefined}
              className={`inline-block border-b-2 px-3 py-2 ${active ? "border-white font-semibold" : "border-transparent opacity-85 hover:opacity-100"}`}
            >
              {l.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
