import { NextResponse, type NextRequest } from "next/server";
export function proxy(request: NextRequest) {
  const response = NextResponse.next();
  response.headers.set("x-bare", request.nextUrl.pathname.length.toString());
  return response;
}
