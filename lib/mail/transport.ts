import nodemailer, { type Transporter } from "nodemailer";

/** An SMTP transport from SMTP_URL; loopback servers are spoken to without TLS. */
export function createMailTransport(smtpUrl: string): Transporter {
  const url = new URL(smtpUrl);
  const isLoopback = url.hostname === "127.0.0.1" || url.hostname === "localhost";
  return nodemailer.createTransport({
    url: smtpUrl,
    ignoreTLS: isLoopback,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
}
