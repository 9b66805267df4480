// next-auth: username + password (Credentials), JWT cookies that name a server-side session. The
// token carries the user id, the session id and the session version; every request re-reads the
// session and the user (sessions.ts), so signing out, disabling or demoting someone, and the
// timeouts end a session at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { safeCallbackPath } from "./callback-url";
import { authSecret } from "./secret";
import { encodeSignInError } from "./sign-in-errors";
import { signInWithPassword, type SignInClient, type SignInOutcome } from "./sign-in";
import { revokeSession } from "./sessions";

/**
 * A sign-in request as the route handler saw it (who is asking), and what came of it (so the
 * handler can set the device cookie and answer a refusal with 429). Absent outside that handler.
 */
export interface SignInRequest {
  client: SignInClient;
  outcome?: SignInOutcome;
}

export function authOptions(signIn?: SignInRequest): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: env.DUBAN_SESSION_MAX_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "password",
        credentials: { username: { type: "text" }, password: { type: "password" } },
        async authorize(credentials) {
          if (!signIn) throw new Error(encodeSignInError("invalid", 0));
          const outcome = await signInWithPassword(credentials, signIn.client);
          signIn.outcome = outcome;
          if (!outcome.ok) throw new Error(encodeSignInError(outcome.error, outcome.retryAfterSeconds));
          return { id: outcome.userId, name: outcome.name, sv: outcome.sessionVersion, sid: outcome.sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const u = user as { id: string; sv?: number; sid?: string };
          token.uid = u.id;
          token.sv = u.sv ?? 0;
          token.sid = u.sid;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: token.uid, sv: token.sv, sid: token.sid };
      },
      // Only ever a path on this site (next-auth wants it absolute on its base URL; the route
      // handler turns Locations back into paths, so the user stays on the host they opened).
      redirect({ url, baseUrl }) {
        return new URL(safeCallbackPath(url, [baseUrl]), baseUrl).toString();
      },
    },
    events: {
      async signOut({ token }) {
        const sid = (token as { sid?: unknown } | null)?.sid;
        if (typeof sid === "string") await revokeSession(sid, "signOut");
      },
    },
  };
}
