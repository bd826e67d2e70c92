import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WriteGate {
  /** Pass as --konnect-addr. */
  url: string;
  close(): Promise<void>;
}

/**
 * A proxy in front of the emulator that holds every write until `writers` writes are waiting (or `limitMs` passed),
 * then lets everything through. Two runs that each start with one write (their control plane) have then both planned
 * against the same state before either changed it: their race is certain, not left to timing.
 */
export async function startWriteGate(target: string, writers = 2, limitMs = 20_000): Promise<WriteGate> {
  let open = false;
  const held: Array<() => void> = [];
  const release = () => {
    open = true;
    for (const go of held.splice(0)) go();
  };
  const timer = setTimeout(release, limitMs);
  const forward = async (request: IncomingMessage, response: ServerResponse, body: Buffer) => {
    const answer = await fetch(`${target}${request.url ?? '/'}`, {
      method: request.method ?? 'GET',
      headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== 'host' && name !== 'content-length').map(([name, value]) => [name, String(value)])),
      ...(body.length > 0 ? { body } : {}),
    });
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (name !== 'content-encoding' && name !== 'transfer-encoding' && name !== 'content-length') headers[name] = value;
    });
    response.writeHead(answer.status, headers).end(Buffer.from(await answer.arrayBuffer()));
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const go = () => void forward(request, response, Buffer.concat(chunks)).catch(() => response.writeHead(502).end());
      if (open || request.method === 'GET') return go();
      held.push(go);
      if (held.length >= writers) release();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      clearTimeout(timer);
      release();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
