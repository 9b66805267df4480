// Runs once when a server instance starts, before it serves a request. A failure here (a storage
// that other instances would not see, a database that cannot be migrated) stops the process with
// the reason, rather than leave it answering every request with an error.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startup } = await import("@/lib/startup");
  const { log } = await import("@/lib/ops/log");
  try {
    await startup();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log().fatal({ err: error }, `start-up failed: ${message}`);
    // And once more as plain text, for the person who just ran npm start.
    process.stderr.write(`\nDuban did not start:\n${message}\n\n`);
    process.exit(1);
  }
}
