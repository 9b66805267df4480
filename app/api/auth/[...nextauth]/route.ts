import NextAuth from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { DEVICE_COOKIE, deviceCookie, readDeviceId } from "@/lib/auth/device";
import { authOptions, type SignInRequest } from "@/lib/auth/options";
import { clientAddress, servedOverHttps } from "@/lib/http/client-address";
import { relativeLocation } from "@/lib/http/redirect";

async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  // Who is asking, read here where the request is at hand: next-auth's authorize only sees headers.
  const signIn: SignInRequest = {
    client: {
      address: clientAddress(request.headers),
      deviceId: readDeviceId(request.cookies.get(DEVICE_COOKIE)?.value),
      userAgent: request.headers.get("user-agent"),
    },
  };
  // next-auth 4 reads params synchronously; Next 16 hands them over as a promise.
  const answer = await NextAuth(authOptions(signIn))(request, { params: await context.params });
  const outcome = signIn.outcome;

  const status = outcome && !outcome.ok && outcome.error === "throttled" ? 429 : answer.status;
  const response = new NextResponse(answer.body, { status, headers: answer.headers });
  // next-auth builds its redirects on NEXTAUTH_URL: keep the user on the host they opened.
  relativeLocation(response.headers);
  if (outcome && !outcome.ok && outcome.retryAfterSeconds > 0) response.headers.set("Retry-After", String(outcome.retryAfterSeconds));
  if (outcome?.ok) response.cookies.set(deviceCookie(outcome.deviceId, servedOverHttps(request.headers)));
  return response;
}

export { handler as GET, handler as POST };
