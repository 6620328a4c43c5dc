/** The protocol-neutral request/response the server hands to protocol modules (HTTP/1.1 and HTTP/2 alike). */
export interface HttpRequest {
  method: string;
  /** Percent-encoded path as received, without the query. */
  path: string;
  /** Raw query string without '?'. */
  query: string;
  /** Lower-case names; HTTP/2 pseudo-headers (':authority') included. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export function headerValue(req: HttpRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}
