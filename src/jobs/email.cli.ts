import '../production-defaults';
import 'reflect-metadata';
import { systemClock } from '../system-clock';
import { parseCliArgs, printedHelp, runCli } from '../cli/cli-args';
import { withCliDatabase } from '../cli/cli-database';
import { deploymentLinks } from '../domain/email/email-links';
import { createMailer, redactSmtpUrl } from '../domain/email/smtp';
import { defaultPaymentProviders } from '../domain/payments/providers';
import { deliverEmails, startEmailWorker } from './email-delivery.job';

const USAGE = `usage: npm run email -- [--once]

Runs the e-mail worker: queues e-mails for new domain events (issued invoices, failed payments,
receipts, upcoming renewals, sent quotes) and sends the due ones over TARIFF_SMTP_URL from
TARIFF_MAIL_FROM, retrying failures with backoff. Runs until SIGINT/SIGTERM; --once makes one
pass and prints a JSON summary to stdout. Without TARIFF_SMTP_URL and TARIFF_MAIL_FROM it sends
nothing and exits. \`npm start\` runs one too when they are set.
Exit codes: 0 done, 1 an error, 2 bad arguments.`;

async function main(): Promise<number> {
  const values = parseCliArgs(process.argv.slice(2), { once: { type: 'boolean' } });
  if (printedHelp(values, USAGE)) return 0;
  return withCliDatabase({ service: 'tariff-email' }, async ({ fork, logger, config }) => {
    if (!config.TARIFF_SMTP_URL || !config.TARIFF_MAIL_FROM) {
      logger.warn('TARIFF_SMTP_URL and TARIFF_MAIL_FROM are not set: no e-mail is sent');
      return 0;
    }
    const options = {
      fork,
      clock: systemClock,
      logger,
      mailer: createMailer({ url: config.TARIFF_SMTP_URL, from: config.TARIFF_MAIL_FROM }),
      retryBaseMs: config.TARIFF_WEBHOOK_RETRY_BASE_MS,
      providers: defaultPaymentProviders(fork, systemClock),
      // A portal link needs the server's public address; without it a failed payment's e-mail says how to pay instead.
      links: deploymentLinks(
        { sessionMinutes: config.TARIFF_PORTAL_SESSION_MINUTES, publicUrl: () => config.TARIFF_PUBLIC_URL ?? '' },
        { minutes: config.TARIFF_DOCUMENT_LINK_MINUTES, secret: config.TARIFF_DOCUMENT_LINK_SECRET },
      ),
    };
    logger.info({ smtp: redactSmtpUrl(config.TARIFF_SMTP_URL), from: config.TARIFF_MAIL_FROM }, 'e-mail worker configured');
    if (values.once) {
      try {
        process.stdout.write(`${JSON.stringify(await deliverEmails(options))}\n`);
      } finally {
        options.mailer.close();
      }
      return 0;
    }
    const worker = startEmailWorker(options);
    const signal = await new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    logger.info({ signal }, 'e-mail worker stopping');
    await worker.stop();
    return 0;
  });
}

runCli('email', main, USAGE);
