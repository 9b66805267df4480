import { describe, expect, it } from "vitest";
import { EmbeddedDatabaseBusyError } from "@/lib/db/embedded-lock";
import { defaultBackupPath, parseBackupArgs, parseRestoreArgs } from "./cli-args";
import { failureMessage, formatBytes } from "./cli-report";
import { insertOrder } from "./tables";

const at = new Date(2018, 3, 10, 9, 5, 7);

describe("npm run backup arguments", () => {
  it("names the archive after the local time by default", () => {
    expect(defaultBackupPath(at)).toBe("backups/duban-20180410-090507.tar.gz");
    expect(parseBackupArgs([], at)).toEqual({ out: "backups/duban-20180410-090507.tar.gz" });
    expect(parseBackupArgs(["--"], at)).toEqual({ out: "backups/duban-20180410-090507.tar.gz" });
  });

  it("takes --out as a separate or joined value", () => {
    expect(parseBackupArgs(["--out", "/srv/b.tar.gz"], at)).toEqual({ out: "/srv/b.tar.gz" });
    expect(parseBackupArgs(["--out=b.tar.gz"], at)).toEqual({ out: "b.tar.gz" });
    expect(parseBackupArgs(["-o", "c.tar.gz"], at)).toEqual({ out: "c.tar.gz" });
  });

  it("refuses a missing value or an unknown argument, showing the usage", () => {
    expect(() => parseBackupArgs(["--out"], at)).toThrow(/--out needs a file name[\s\S]*Usage: npm run backup/);
    expect(() => parseBackupArgs(["--out", "--force"], at)).toThrow(/needs a file name/);
    expect(() => parseBackupArgs(["--out="], at)).toThrow(/needs a file name/);
    expect(() => parseBackupArgs(["extra.tar.gz"], at)).toThrow(/Unknown argument "extra.tar.gz"/);
  });
});

describe("npm run restore arguments", () => {
  it("takes exactly one backup file", () => {
    expect(parseRestoreArgs(["backups/x.tar.gz"])).toEqual({ file: "backups/x.tar.gz" });
    expect(parseRestoreArgs(["--", "x.tar.gz"])).toEqual({ file: "x.tar.gz" });
    expect(() => parseRestoreArgs([])).toThrow(/Name the backup file[\s\S]*Usage: npm run restore/);
    expect(() => parseRestoreArgs(["a.tar.gz", "b.tar.gz"])).toThrow(/one backup file/);
    expect(() => parseRestoreArgs(["--force", "a.tar.gz"])).toThrow(/Unknown option "--force"/);
  });
});

describe("the commands' messages", () => {
  it("tells the operator to stop the server when it owns the embedded database", () => {
    const busy = new EmbeddedDatabaseBusyError("/srv/duban/duban.pid", { pid: 4242, hostname: "h", command: "next start", startedAt: "2018-04-10T01:00:00Z" });
    expect(failureMessage(busy, "backup")).toMatch(/in use by process 4242[\s\S]*npm run backup needs the embedded database to itself: stop the server first/);
    expect(failureMessage(new Error("disk full"), "restore")).toBe("disk full");
  });

  it("shows sizes in readable units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(3 * 1024 * 1024)).toBe("3.0 MiB");
  });
});

describe("insertOrder", () => {
  it("puts every parent before its children and ignores self-references", () => {
    const order = insertOrder(
      ["Task", "Campaign", "Plan", "Organization", "AuditRecord"],
      [
        { child: "Task", parent: "Campaign" },
        { child: "Task", parent: "Task" },
        { child: "Campaign", parent: "Plan" },
        { child: "Plan", parent: "Organization" },
        { child: "Organization", parent: "Organization" },
      ],
    );
    expect(order).toEqual(["AuditRecord", "Organization", "Plan", "Campaign", "Task"]);
  });

  it("refuses a cycle rather than inserting in an order that fails", () => {
    expect(() => insertOrder(["A", "B"], [{ child: "A", parent: "B" }, { child: "B", parent: "A" }])).toThrow(/cycle between A, B/);
  });
});
