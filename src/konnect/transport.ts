/** One HTTP exchange, below retries and rate limits. Tests swap in fakes. */
export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface TransportResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

export type Transport = (request: TransportRequest, signal: AbortSignal) => Promise<TransportResponse>;

/** Node's fetch. The whole body is read inside the call, so the timeout covers it. */
export const fetchTransport: Transport = async (request, signal) => {
  const init: RequestInit = { method: request.method, headers: request.headers, signal };
  if (request.body !== undefined) init.body = request.body;
  const response = await fetch(request.url, init);
  const body = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return { status: response.status, headers, body };
};
