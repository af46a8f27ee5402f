/** `@app/mail/transport`: where messages go (nodemailer). The `@app/mail` barrel holds the port only. */
export * from '../mail-transport.port';
export * from './nodemailer-message';
export * from './smtp.transport';
export * from './eml-file.transport';
