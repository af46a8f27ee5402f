import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { passwordFromStdin, passwordFromTerminal, Terminal } from './read-password';

/** A terminal that types `keys` once asked, and records what is shown and whether raw mode was on. */
function fakeTerminal(keys: string[], isTTY = true) {
  const shown: string[] = [];
  const raw: boolean[] = [];
  const input = Object.assign(new EventEmitter(), {
    isTTY,
    setRawMode: (mode: boolean) => raw.push(mode),
    resume: () => setImmediate(() => keys.forEach((key) => input.emit('data', key))),
    pause: () => undefined,
    setEncoding: () => undefined,
  });
  const terminal = { input, output: { write: (text: string) => shown.push(text) } } as unknown as Terminal;
  return { terminal, shown, raw };
}

describe('reading the admin password', () => {
  it('asks on the terminal in raw mode and shows nothing of what is typed; backspace erases', async () => {
    const { terminal, shown, raw } = fakeTerminal(['una clave', ' largaX', '\u007f', '\r']);
    await expect(passwordFromTerminal('Password: ', terminal)).resolves.toBe('una clave larga');
    expect(shown.join('')).toBe('Password: \n');
    expect(raw).toEqual([true, false]);
  });

  it('aborts on Ctrl-C, and refuses without a terminal', async () => {
    await expect(passwordFromTerminal('Password: ', fakeTerminal(['abc', '\u0003']).terminal)).rejects.toThrow('Aborted');
    await expect(passwordFromTerminal('Password: ', fakeTerminal([], false).terminal)).rejects.toThrow('--password-stdin');
  });

  it('takes everything piped on stdin, less one final line break', async () => {
    await expect(passwordFromStdin(Readable.from(['una clave ', 'larga\r\n']))).resolves.toBe('una clave larga');
    await expect(passwordFromStdin(Readable.from(['  espacios incluidos  \n\n']))).resolves.toBe('  espacios incluidos  \n');
  });
});
