import { HttpException, HttpStatus, PayloadTooLargeException } from '@nestjs/common';
import type { Request } from 'express';

/** The content types a mail gateway posts a raw MIME message with. */
export const RAW_MAIL_TYPES = ['message/rfc822', 'text/plain', 'application/octet-stream'];
/** A raw message with its attachments: larger ones are refused (413). */
export const MAX_RAW_MAIL_BYTES = 15 * 1024 * 1024;

/** Reads the request's raw body (the JSON parser leaves these content types alone), refusing more than `limit` bytes. */
export async function readRawMail(request: Request, limit = MAX_RAW_MAIL_BYTES): Promise<Buffer> {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!RAW_MAIL_TYPES.includes(type) || request.readableEnded) {
    throw new HttpException(`Post the raw MIME message as ${RAW_MAIL_TYPES.join(', ')}`, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
  }
  if (Number(request.headers['content-length'] ?? 0) > limit) throw new PayloadTooLargeException(`A message may have at most ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new PayloadTooLargeException(`A message may have at most ${limit} bytes`);
    chunks.push(chunk);
  }
  if (size === 0) throw new HttpException('The message is empty', HttpStatus.BAD_REQUEST);
  return Buffer.concat(chunks);
}
