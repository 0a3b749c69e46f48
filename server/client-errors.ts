import type { Server } from 'node:http';
import type { Http2SecureServer, Http2Server } from 'node:http2';
import type { ErrorBody } from '../schemas/api.ts';

/**
 * Requests Node's HTTP parser refuses before the app sees them (a request line or headers over
 * Node's limit, a malformed request) get the API's one error shape, not Node's bare status line.
 */
export function answerClientErrors(server: Server | Http2Server | Http2SecureServer) {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: import('node:stream').Duplex) => {
    // Nothing to answer on a connection the client already dropped.
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body: ErrorBody = {
      error: tooLarge
        ? { code: 'bad_request', message: 'the address or the headers are too long' }
        : { code: 'bad_request', message: 'malformed HTTP request' },
    };
    const text = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
    );
  });
}
