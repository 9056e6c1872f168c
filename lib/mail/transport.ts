import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { env } from '@/lib/env';

/**
 * SMTP through nodemailer, configured by SMTP_URL (smtp://user:pass@host:587
 * upgrades with STARTTLS when offered; smtps:// is TLS from the start) and
 * MAIL_FROM. Messages are plain text only, tagged with their language.
 */

export type MailTransport = nodemailer.Transporter<SMTPTransport.SentMessageInfo>;
export type OutgoingMail = { id: string; to: string; subject: string; text: string; locale: string };

/** Whether the portal sends mail (SMTP_URL set); otherwise messages stay in the outbox for admins to read. */
export function smtpConfigured(): boolean {
  return Boolean(env.SMTP_URL);
}

/** A transport for one delivery run (close it afterwards); bounded timeouts so a dead server cannot stall a run. */
export function createMailTransport(smtpUrl: string): MailTransport {
  return nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 }, { from: env.MAIL_FROM });
}

/** Sends one outbox message; throws when the server does not accept it. */
export async function sendMail(transport: MailTransport, mail: OutgoingMail): Promise<void> {
  await transport.sendMail({
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    // Our own text only: nothing in a message may pull in files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
    headers: {
      'Content-Language': mail.locale,
      // RFC 3834: automatic mail, so auto-responders do not answer it.
      'Auto-Submitted': 'auto-generated',
      'X-Memorands-Message-Id': mail.id,
    },
  });
}
