import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A server's SMTP reply as smtp-server sends it: the error's message with its code. */
function reply(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * An SMTP server on loopback, in this process (smtp-server), reading every accepted message with
 * mailparser. `refuse` answers every connection 421 (busy, try later); after stop() nothing listens
 * on its port, which start() takes again. Recipients starting with `bounce` are refused for good (550).
 */
export class MailServer {
  received: ParsedMail[] = [];
  refuse = false;
  /** Connections it saw, refused ones included. */
  connections = 0;
  port = 0;
  private server: SMTPServer | null = null;

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect: (_session, callback) => {
        this.connections++;
        callback(this.refuse ? reply(421, 'busy, try again later') : undefined);
      },
      onRcptTo: (address, _session, callback) => callback(address.address.startsWith('bounce') ? reply(550, 'no such mailbox') : undefined),
      onData: (stream, _session, callback) => {
        // Accepted (250) only once read: when the client hears it, the message is in `received`.
        simpleParser(stream).then(
          (mail) => {
            this.received.push(mail);
            callback();
          },
          (err: Error) => callback(err),
        );
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** What arrived for these addresses. */
  to(...addresses: string[]): ParsedMail[] {
    return this.received.filter((m) => addressesOf(m).some((a) => addresses.includes(a)));
  }
}

export function addressesOf(mail: ParsedMail): string[] {
  const to = mail.to ? (Array.isArray(mail.to) ? mail.to : [mail.to]) : [];
  return to.flatMap((t) => t.value.map((v) => (v.address ?? '').toLowerCase()));
}
