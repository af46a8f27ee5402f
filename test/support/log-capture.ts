import { Writable } from 'node:stream';

/** Everything the app logs (`startTestApp({ log: { stream } })`), as one text and as JSON lines. */
export class LogCapture extends Writable {
  text = '';

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }

  /** The complete lines written so far (a line still being written is left out). */
  get lines(): string[] {
    return this.text.split('\n').slice(0, -1).filter(Boolean);
  }
}
