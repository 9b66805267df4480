// Sessions on the server. The cookie (a next-auth JWT) names a Session row; every request reads
// that row and its user in ONE query (sessionUser), so signing out, "sign out everywhere", the
// absolute and the idle timeout all end a session at once although its cookie is still valid.
// Ended sessions are kept 90 days: the addresses and browsers an account signed in from before,
// which the sign-in limits treat as its owner's (lib/auth/sign-in.ts).
import "server-only";
import { randomBytes } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { db, type Tx } from "@/lib/db";
import { SQL_NOW } from "@/lib/db/sql-now";
import { env } from "@/lib/env";
import { UNKNOWN_ADDRESS } from "@/lib/http/client-address";
import { parseId } from "@/lib/validation/ids";
import type { SessionUser } from "./roles";

export const SESSION_HISTORY_DAYS = 90;
/** lastSeenAt is written at most this often per session: a request a minute is enough to tell idleness. */
export const LAST_SEEN_EVERY_SECONDS = 60;

export type RevokedBy = "signOut" | "everywhere" | "admin";

export interface SessionTimeouts {
  maxHours: number;
  idleMinutes: number;
}

export const configuredTimeouts = (): SessionTimeouts => ({ maxHours: env.DUBAN_SESSION_MAX_HOURS, idleMinutes: env.DUBAN_SESSION_IDLE_MINUTES });

export interface NewSession {
  userId: string;
  /** The user's sessionVersion now: bumping it later (disable, role change, new password) ends the session. */
  sessionVersion: number;
  address: string;
  deviceId: string;
  userAgent: string | null;
}

/** A new session for someone who has just proved their password; its id goes into the cookie. */
export async function createSession(s: NewSession): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db().$executeRaw`
    INSERT INTO "Session" ("id", "userId", "sessionVersion", "createdAt", "lastSeenAt", "userAgent", "address", "deviceId")
    VALUES (${id}, ${s.userId}, ${s.sessionVersion}::int, ${SQL_NOW}, ${SQL_NOW}, ${s.userAgent?.slice(0, 300) ?? null}, ${s.address}, ${s.deviceId})`;
  await db().$executeRaw`
    DELETE FROM "Session" WHERE "createdAt" < ${SQL_NOW} - make_interval(days => ${SESSION_HISTORY_DAYS}::int)`;
  return id;
}

export interface SessionClaims {
  uid?: unknown;
  sid?: unknown;
  sv?: unknown;
}

interface SessionUserRow {
  id: string;
  username: string;
  name: string;
  orgId: string;
  mustChangePassword: boolean;
  roles: string[];
  childOrgIds: string[];
}

/**
 * The user behind a session cookie's claims, or null when the session has ended (signed out,
 * revoked, past either timeout), the user is disabled, or their session version moved on.
 * One round trip: the session, the user, their roles and their organisation's towns in one
 * statement, which also notes the session as seen (at most once a minute).
 */
export async function sessionUser(claims: SessionClaims, timeouts: SessionTimeouts = configuredTimeouts()): Promise<SessionUser | null> {
  const uid = parseId(claims.uid);
  const sid = parseId(claims.sid);
  const sv = claims.sv;
  if (!uid || !sid || typeof sv !== "number" || !Number.isInteger(sv)) return null;
  const rows = await db().$queryRaw<SessionUserRow[]>`
    WITH live AS (
      SELECT s."id" AS "sessionId", s."lastSeenAt", u."id", u."username", u."name", u."orgId", u."mustChangePassword"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."id" = ${sid} AND s."userId" = ${uid} AND s."revokedAt" IS NULL
        AND s."createdAt" > ${SQL_NOW} - make_interval(hours => ${timeouts.maxHours}::int)
        AND s."lastSeenAt" > ${SQL_NOW} - make_interval(mins => ${timeouts.idleMinutes}::int)
        AND u."disabled" = false AND u."sessionVersion" = s."sessionVersion" AND s."sessionVersion" = ${sv}::int
    ), seen AS (
      UPDATE "Session" SET "lastSeenAt" = ${SQL_NOW}
      WHERE "id" = (SELECT "sessionId" FROM live WHERE "lastSeenAt" < ${SQL_NOW} - make_interval(secs => ${LAST_SEEN_EVERY_SECONDS}::int))
    )
    SELECT l."id", l."username", l."name", l."orgId", l."mustChangePassword",
      ARRAY(SELECT DISTINCT r."role"::text FROM "RoleAssignment" r WHERE r."userId" = l."id" ORDER BY 1) AS "roles",
      ARRAY(SELECT o."id" FROM "Organization" o WHERE o."parentId" = l."orgId" ORDER BY 1) AS "childOrgIds"
    FROM live l`;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    username: row.username,
    name: row.name,
    orgId: row.orgId,
    orgIds: [row.orgId, ...row.childOrgIds],
    roles: row.roles as Role[],
    mustChangePassword: row.mustChangePassword,
  };
}

/** Ends one session (signing out). Ending one already ended changes nothing. */
export async function revokeSession(sessionId: string, by: RevokedBy = "signOut"): Promise<void> {
  if (!parseId(sessionId)) return;
  await db().$executeRaw`
    UPDATE "Session" SET "revokedAt" = ${SQL_NOW}, "revokedBy" = ${by} WHERE "id" = ${sessionId} AND "revokedAt" IS NULL`;
}

/** Ends every open session of a user, inside the caller's transaction (with its audit record). */
export async function revokeAllSessions(tx: Tx, userId: string, by: RevokedBy): Promise<number> {
  return tx.$executeRaw`
    UPDATE "Session" SET "revokedAt" = ${SQL_NOW}, "revokedBy" = ${by} WHERE "userId" = ${userId} AND "revokedAt" IS NULL`;
}

export interface OpenSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  address: string | null;
}

/** A user's sessions that still work, newest first (the same conditions as sessionUser's). */
export async function openSessions(userId: string, timeouts: SessionTimeouts = configuredTimeouts()): Promise<OpenSession[]> {
  return db().$queryRaw<OpenSession[]>`
    SELECT s."id", s."createdAt", s."lastSeenAt", s."userAgent", s."address"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."userId" = ${userId} AND s."revokedAt" IS NULL
      AND s."createdAt" > ${SQL_NOW} - make_interval(hours => ${timeouts.maxHours}::int)
      AND s."lastSeenAt" > ${SQL_NOW} - make_interval(mins => ${timeouts.idleMinutes}::int)
      AND u."disabled" = false AND u."sessionVersion" = s."sessionVersion"
    ORDER BY s."createdAt" DESC`;
}

export interface KnownClient {
  /** This browser (its device cookie) has signed in to the account before. */
  device: boolean;
  /** The account has signed in from this address before. */
  address: boolean;
}

/** Whether the account has signed in from this browser, or this address, within the last 90 days. */
export async function knownClient(userId: string | null, address: string, deviceId: string | null): Promise<KnownClient> {
  // Asked for an unknown username too (with no id): the same query either way, so the answer's
  // timing does not tell which usernames exist.
  const rows = await db().$queryRaw<{ device: boolean | null; address: boolean | null }[]>`
    SELECT bool_or("deviceId" = ${deviceId ?? ""}) AS "device",
           bool_or("address" = ${address} AND "address" <> ${UNKNOWN_ADDRESS}) AS "address"
    FROM "Session"
    WHERE "userId" = ${userId ?? ""} AND "createdAt" > ${SQL_NOW} - make_interval(days => ${SESSION_HISTORY_DAYS}::int)`;
  return { device: !!deviceId && !!rows[0]?.device, address: !!rows[0]?.address };
}
