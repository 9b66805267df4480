// npm run audit:verify: checks the audit trail's hash chain; exits 1 at the first broken record.
import { verifyAuditChain } from "@/lib/audit/verify";
import { closeDatabase, db } from "@/lib/db";

async function main() {
  const report = await verifyAuditChain(db());
  await closeDatabase();
  if (report.broken) {
    console.error(`Audit chain broken at record ${report.broken.id}: ${report.broken.reason} (${report.checked} records verified before it).`);
    process.exit(1);
  }
  console.log(`Audit chain intact: ${report.checked} records.`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
