/**
 * Raw HTTP/1.1 over a socket, for tests about what the server does with the bytes themselves:
 * truncated bodies, declared lengths it must not wait for, chunked bodies it must count.
 */
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends the head, then each chunk of the body as it is (the caller frames chunked encoding with
 * `chunked()`), and reads until the server answers and closes, or `timeoutMs` passes (then rejects).
 */
export function rawRequest(
  port: number,
  head: string,
  body: (Buffer | string)[] = [],
  timeoutMs = 5_000,
  /** The client's own address: any of 127.0.0.0/8 stands for a different client IP. */
  localAddress?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', localAddress });
    const received: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const all = Buffer.concat(received);
      const split = all.indexOf('\r\n\r\n');
      const [statusLine = '', ...lines] = all.subarray(0, split).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
      }
      let payload: Buffer = all.subarray(split + 4);
      if (headers['transfer-encoding'] === 'chunked') payload = unchunk(payload);
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: payload.toString('utf8') });
    };
    socket.on('data', (d) => received.push(d));
    socket.on('end', finish);
    socket.on('close', () => received.length && finish());
    socket.on('error', () => undefined);
    socket.write(head.replaceAll('\n', '\r\n').replace(/(\r\n)*$/, '\r\n\r\n'));
    (async () => {
      for (const part of body) {
        // Stop writing once the server has answered: it may refuse before reading everything.
        if (socket.destroyed || received.length) return;
        if (!socket.write(part)) await new Promise((r) => socket.once('drain', r));
      }
    })().catch(() => undefined);
  });
}

/** One chunk of a chunked body; `chunked('')` is the terminating chunk. */
export const chunked = (data: Buffer | string) => {
  const bytes = Buffer.from(data);
  return Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]);
};

function unchunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let rest = data;
  for (;;) {
    const at = rest.indexOf('\r\n');
    const size = at < 0 ? 0 : Number.parseInt(rest.subarray(0, at).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(rest.subarray(at + 2, at + 2 + size));
    rest = rest.subarray(at + 2 + size + 2);
  }
}
