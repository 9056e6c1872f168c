import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for tests (smtp-server on 127.0.0.1, a free port),
 * collecting every accepted message decoded just enough to assert on:
 * headers (RFC 2047 encoded words decoded) and the text body
 * (quoted-printable or base64, UTF-8).
 */

export type ReceivedMail = {
  /** The SMTP envelope. */
  mailFrom: string;
  rcptTo: string[];
  /** The user name the client authenticated with, if it did. */
  authUser: string | null;
  /** Header names in lower case; repeated headers keep the last value. */
  headers: Record<string, string>;
  subject: string;
  /** The decoded text body with \n line ends. */
  text: string;
  raw: string;
};

export type TestSmtpServer = {
  /** smtp://127.0.0.1:<port> (with credentials when the server was started with them). */
  url: string;
  port: number;
  messages: ReceivedMail[];
  /** Resolves once at least `count` messages arrived. */
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedMail[]>;
  close: () => Promise<void>;
};

export async function startSmtpServer(opts: { user?: string; pass?: string; rejectRecipients?: RegExp } = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (opts.user === undefined || (auth.username === opts.user && auth.password === opts.pass)) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (opts.rejectRecipients?.test(address.address)) {
        const error = new Error(`Mailbox ${address.address} does not exist`) as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      } else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        messages.push({
          ...parseMessage(raw),
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          authUser: typeof session.user === 'string' ? session.user : null,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  const credentials = opts.user === undefined ? '' : `${encodeURIComponent(opts.user)}:${encodeURIComponent(opts.pass ?? '')}@`;
  return {
    url: `smtp://${credentials}127.0.0.1:${port}`,
    port,
    messages,
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} messages, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Splits an RFC 5322 message into decoded headers and the decoded single-part text body. */
export function parseMessage(raw: Buffer): Pick<ReceivedMail, 'headers' | 'subject' | 'text' | 'raw'> {
  const source = raw.toString('latin1');
  const split = source.indexOf('\r\n\r\n');
  const head = split === -1 ? source : source.slice(0, split);
  const body = split === -1 ? '' : source.slice(split + 4);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n(?=[ \t])/g, '').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeEncodedWords(line.slice(colon + 1).trim());
  }
  const type = headers['content-type'] ?? 'text/plain';
  if (/^multipart\//i.test(type)) throw new Error(`expected a single text part, got ${type}`);
  const charset = /charset="?([^";]+)"?/i.exec(type)?.[1]?.toLowerCase() ?? 'us-ascii';
  if (!['utf-8', 'us-ascii'].includes(charset)) throw new Error(`unexpected charset ${charset}`);
  const bytes = decodeBody(body, (headers['content-transfer-encoding'] ?? '7bit').toLowerCase());
  return { headers, subject: headers.subject ?? '', text: bytes.toString('utf8').replace(/\r\n/g, '\n'), raw: source };
}

function decodeBody(body: string, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return Buffer.from(body, 'latin1');
}

/** RFC 2045 quoted-printable: soft line breaks ("=" at line end) vanish, =XX is a byte. */
function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/[ \t]+\r\n/g, '\r\n').replace(/=\r\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else out.push(joined.charCodeAt(i) & 0xff);
  }
  return Buffer.from(out);
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=); whitespace between adjacent ones is dropped, bytes joined before decoding. */
function decodeEncodedWords(value: string): string {
  const word = /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g;
  const parts: (string | Buffer)[] = [];
  let last = 0;
  for (const m of value.matchAll(word)) {
    const between = value.slice(last, m.index);
    const previousWasWord = parts.length > 0 && Buffer.isBuffer(parts[parts.length - 1]);
    if (!(previousWasWord && /^\s*$/.test(between))) parts.push(between);
    const [, , enc, data] = m as unknown as [string, string, string, string];
    parts.push(enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQuotedPrintable(data.replace(/_/g, ' ')));
    last = m.index + m[0].length;
  }
  parts.push(value.slice(last));
  // Adjacent byte runs are concatenated so a character split across words survives.
  let out = '';
  let pending: Buffer[] = [];
  for (const part of parts) {
    if (Buffer.isBuffer(part)) pending.push(part);
    else {
      if (pending.length) out += Buffer.concat(pending).toString('utf8');
      pending = [];
      out += part;
    }
  }
  if (pending.length) out += Buffer.concat(pending).toString('utf8');
  return out;
}
