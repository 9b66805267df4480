// next-auth: username + password (Credentials), JWT sessions. The token carries only the user id
// and the session version; every request re-reads the user (session.ts), so disabling or demoting
// someone ends their existing sessions at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { verifyPassword } from "./password";
import { authSecret } from "./secret";
import {
  accountKey,
  addressKey,
  ACCOUNT_LIMITS,
  ADDRESS_LIMITS,
  clearFailures,
  recordFailure,
  throttleState,
  type Limits,
} from "./throttle";

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** Thrown as the sign-in error; the login page turns the code into words. */
export const SIGN_IN_ERRORS = { invalid: "CredentialsSignin", locked: "AccountLocked" } as const;

function clientAddress(headers: Record<string, unknown> | undefined): string {
  if (env.DUBAN_TRUST_PROXY === "1") {
    const forwarded = String(headers?.["x-forwarded-for"] ?? "").split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  // Without a trusted proxy there is no reliable address: one shared bucket, with generous limits.
  return "direct";
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "password",
        credentials: { username: { type: "text" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
          const { username, password } = parsed.data;
          const keys: [string, Limits][] = [
            [accountKey(username), ACCOUNT_LIMITS],
            [addressKey(clientAddress(req?.headers)), ADDRESS_LIMITS],
          ];
          const state = await throttleState(keys);
          if (state.lockedUntil) throw new Error(SIGN_IN_ERRORS.locked);
          if (state.delayMs) await sleep(state.delayMs);

          const user = await db().user.findUnique({
            where: { username: username.toLowerCase() },
            select: { id: true, name: true, passwordHash: true, disabled: true, sessionVersion: true },
          });
          const ok = await verifyPassword(user?.passwordHash, password);
          if (!user || !ok || user.disabled) {
            await recordFailure(keys);
            throw new Error(SIGN_IN_ERRORS.invalid);
          }
          await clearFailures(accountKey(username));
          return { id: user.id, name: user.name, sv: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sv?: number }).sv ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv };
      },
    },
  };
}
