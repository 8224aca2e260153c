import { createConnection, createServer, Server, Socket } from 'node:net';

/**
 * A TCP relay between the application and PostgreSQL, so a test can make the database "go away" without
 * touching the server other test files share: cut() drops every connection and refuses new ones (what
 * a stopped PostgreSQL looks like), restore() listens again on the same port.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;
  target = { host: '127.0.0.1', port: 5432 };

  static async start(): Promise<TcpProxy> {
    const proxy = new TcpProxy();
    await proxy.listen(0);
    return proxy;
  }

  /** Points `url` at this proxy and the proxy at the server `url` named. */
  route(url: string): string {
    const u = new URL(url);
    this.target = { host: u.hostname, port: Number(u.port) };
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    await closed;
  }

  async restore(): Promise<void> {
    if (!this.server) await this.listen(this.port);
  }

  private listen(port: number): Promise<void> {
    const server = createServer((client) => {
      const upstream = createConnection(this.target);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        this.port = (server.address() as { port: number }).port;
        resolve();
      });
    });
  }
}
