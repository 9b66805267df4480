// The one wrapper of every route handler that serves a signed-in user (app/api/…): it refuses a
// cross-site request for anything that writes, finds the user (signed in, session open, not on a
// temporary password), checks the named permission, and only then runs the handler with its
// parameters. The handler scopes its records in the query (a record out of scope is 404).
import "server-only";
import { may, type Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { sameOrigin } from "./same-origin";

export interface RouteOptions {
  /**
   * The handler changes something (a POST or DELETE, or a GET that records an export): another
   * site's request is refused, by its Origin and by the browser's Sec-Fetch-Site.
   */
  writes?: boolean;
  /** The named permission the route needs (lib/auth/permissions.ts); 403 without it. */
  permission?: Permission;
  /** The answer to someone signed out or on a temporary password; by default 401 JSON. */
  signedOut?: () => Response;
}

export interface RouteRequest<P> {
  request: Request;
  user: SessionUser;
  params: P;
}

export const jsonError = (error: string, status: number) => Response.json({ error }, { status });

export function userRoute<P = Record<string, never>>(options: RouteOptions, handler: (r: RouteRequest<P>) => Promise<Response>) {
  return async (request: Request, context?: { params: Promise<P> }): Promise<Response> => {
    if (options.writes && (!sameOrigin(request) || request.headers.get("sec-fetch-site") === "cross-site")) return jsonError("forbidden", 403);
    const user = await currentUser();
    if (!user || user.mustChangePassword) return options.signedOut ? options.signedOut() : jsonError("unauthorized", 401);
    if (options.permission && !may(user, options.permission)) return jsonError("forbidden", 403);
    const params = (context ? await context.params : {}) as P;
    return handler({ request, user, params });
  };
}
