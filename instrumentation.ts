// Runs once when a server instance starts, before it serves a request (lib/startup.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First, so that every request is served knowing its socket's address (sign-in limits, HSTS).
  const { installPeerAddressCapture } = await import("@/lib/http/peer-address");
  installPeerAddressCapture();
  const { startupOrExit } = await import("@/lib/startup");
  await startupOrExit();
}
