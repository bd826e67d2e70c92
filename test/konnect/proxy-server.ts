import { createServer } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TestProxy {
  url: string;
  /** CONNECT tunnels opened. */
  tunnels: number;
  /** HTTP requests forwarded through the tunnels (request lines counted in the client's bytes). */
  readonly forwarded: number;
  close(): Promise<void>;
}

const REQUEST_LINE = /(?:^|\r\n)(?:GET|POST|PUT|PATCH|DELETE|HEAD) \/\S* HTTP\/1\.1\r\n/g;

/** A forwarding HTTP proxy on 127.0.0.1 (CONNECT, as undici's ProxyAgent speaks it) that counts what it forwarded. */
export async function startProxy(): Promise<TestProxy> {
  const streams: string[] = [];
  const server = createServer((_req, res) => {
    res.writeHead(405).end();
  });
  const sockets = new Set<{ destroy(): unknown }>();
  server.on('connect', (req, client, head) => {
    sockets.add(client);
    proxy.tunnels++;
    const [host = '127.0.0.1', port = '80'] = (req.url ?? '').split(':');
    const index = streams.push('') - 1;
    const record = (chunk: Buffer) => {
      streams[index] += chunk.toString('latin1');
    };
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) {
        record(head);
        upstream.write(head);
      }
      client.on('data', (chunk: Buffer) => {
        record(chunk);
        upstream.write(chunk);
      });
      upstream.pipe(client);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const proxy: TestProxy = {
    url: `http://127.0.0.1:${port}`,
    tunnels: 0,
    get forwarded() {
      return streams.reduce((total, text) => total + [...text.matchAll(REQUEST_LINE)].length, 0);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
