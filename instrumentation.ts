// Runs once when a server instance starts, before it serves a request (lib/startup.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startupOrExit } = await import("@/lib/startup");
  await startupOrExit();
}
