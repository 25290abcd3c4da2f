/**
 * The response with its first chunk already read. A streamed body (an export)
 * runs its first query before it yields anything, so reading one chunk here,
 * before Next sends the status line, turns a failing query into an error
 * status instead of a 200 whose body is cut off.
 */
export async function firstChunkFirst(response: Response): Promise<Response> {
  if (!response.body) return response;
  const reader = response.body.getReader();
  const first = await reader.read();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (first.done) controller.close();
      else controller.enqueue(first.value);
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
