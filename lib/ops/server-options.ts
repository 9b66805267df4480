// `npm start -- -p 3001 -H 127.0.0.1`, as `next start` takes them, or PORT. Not HOSTNAME: shells
// and containers set it to the machine's name, which is no address to listen on.

export interface ServerOptions {
  port: number;
  /** Unset: every interface, as `next start`. */
  hostname?: string;
}

export function serverOptions(argv: string[], env: Record<string, string | undefined>): ServerOptions {
  let port = env.PORT;
  let hostname: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const [flag, joined] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => joined ?? argv[++i];
    if (flag === "-p" || flag === "--port") port = value();
    else if (flag === "-H" || flag === "--hostname") hostname = value();
    else if (arg !== "--") throw new Error(`Unknown argument ${JSON.stringify(arg)}. Usage: npm start -- [-p port] [-H hostname]`);
  }
  const n = Number(port ?? 3000);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`Not a port: ${JSON.stringify(port)}`);
  return { port: n, hostname: hostname || undefined };
}
