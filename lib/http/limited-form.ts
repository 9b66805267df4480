// A multipart body read no further than a limit (a missing or false Content-Length included):
// "tooLarge" past the limit, null when it is not a readable form. Used by every upload route.
export async function readLimitedForm(request: Request, maxBytes: number): Promise<FormData | "tooLarge" | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) return "tooLarge";
  if (!request.body) return null;
  let received = 0;
  let exceeded = false;
  const limited = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > maxBytes) {
          exceeded = true;
          controller.error(new Error("request too large"));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(limited, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return exceeded ? "tooLarge" : null;
  }
}
