import { describe, expect, it } from "vitest";
import { EmbeddedDatabaseBusyError } from "@/lib/db/embedded-lock";
import { defaultBackupPath, parseBackupArgs, parseRestoreArgs } from "./cli-args";
import { backupReport, failureMessage, formatBytes } from "./cli-report";
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

  it("says a backup with missing files is incomplete, where they were looked for, and that restore refuses it", () => {
    const result = {
      file: "/srv/backups/duban.tar.gz",
      bytes: 4096,
      seconds: 1.25,
      store: "s3 s3://duban/prod/ at https://oss-cn-hangzhou.aliyuncs.com",
      missingFiles: ["evidence/2018/00000000-0000-4000-8000-000000000000"],
      manifest: {
        format: "duban-backup" as const,
        formatVersion: 1 as const,
        appVersion: "0.1.0",
        createdAt: "2018-04-10T01:00:00Z",
        database: "postgres" as const,
        migrations: ["m1"],
        tables: [{ name: "Attachment", rows: 1, bytes: 10, sha256: "0".repeat(64) }],
        files: [],
      },
    };
    const report = backupReport(result);
    expect(report).toContain("Stored files: 0 (0 B) from s3 s3://duban/prod/ at https://oss-cn-hangzhou.aliyuncs.com");
    expect(report).toMatch(/INCOMPLETE: 1 stored file\(s\) the database names are missing from s3 .*: evidence\/2018\/0{8}-/);
    expect(report).toContain("npm run restore refuses this archive");
    expect(backupReport({ ...result, missingFiles: [] })).not.toMatch(/INCOMPLETE|refuses/);
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
    expect(() =>
      insertOrder(
        ["A", "B"],
        [
          { child: "A", parent: "B" },
          { child: "B", parent: "A" },
        ],
      ),
    ).toThrow(/cycle between A, B/);
  });
});
