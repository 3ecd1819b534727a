import nodemailer from 'nodemailer';
import type { EmailAttachment } from './email-attachments';
import type { SendOutcome } from './email-queue';

/** TARIFF_SMTP_URL and TARIFF_MAIL_FROM (config.ts): both, or e-mail is off. */
export interface SmtpSettings {
  /** `smtp://[user:password@]host:port` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
  url: string;
  /** The sender's address; its display name is the seller's legal name. */
  from: string;
}

/** The URL as it may be logged: its password (and user) replaced, so a log line never carries a credential. */
export function redactSmtpUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.username) u.username = '***';
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable SMTP URL)';
  }
}

export interface OutgoingEmail {
  /** The delivery's id: the Message-ID is made from it, the same on every attempt. */
  id: string;
  senderName: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: readonly EmailAttachment[];
}

export interface Mailer {
  send(message: OutgoingEmail): Promise<SendOutcome>;
  close(): void;
}

interface SmtpError {
  message?: string;
  code?: string;
  responseCode?: number;
}

/**
 * An SMTP client over nodemailer. Every failure comes back as an outcome, never thrown: a
 * refusal with a 5xx reply is permanent, anything else (no connection, a 4xx, a time-out) is
 * retried. The error text is the server's reply or the socket's error, never the credentials.
 */
export function createMailer(settings: SmtpSettings, options: { timeoutMs?: number } = {}): Mailer {
  const url = new URL(settings.url);
  const timeout = options.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  const domain = settings.from.slice(settings.from.lastIndexOf('@') + 1) || 'tariff.invalid';
  return {
    async send(message) {
      try {
        await transport.sendMail({
          from: { name: message.senderName, address: settings.from },
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: `<${message.id}@${domain}>`,
          headers: { 'Auto-Submitted': 'auto-generated' },
          attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        });
        return { sent: true };
      } catch (err) {
        const e = err as SmtpError;
        const reply = typeof e.responseCode === 'number' ? e.responseCode : null;
        const text = `${e.code ?? 'ERROR'}${reply ? ` ${reply}` : ''}: ${e.message ?? String(err)}`;
        return { sent: false, error: redactCredentials(text, url), permanent: reply !== null && reply >= 500 && reply < 600 };
      }
    },
    close() {
      transport.close();
    },
  };
}

function redactCredentials(text: string, url: URL): string {
  let out = text;
  for (const secret of [url.password, decodeURIComponent(url.password)]) if (secret) out = out.split(secret).join('***');
  return out;
}
