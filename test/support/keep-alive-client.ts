import { Agent } from 'node:http';
import request from 'supertest';

/**
 * Requests to a listening app over a few kept-alive connections. Thousands of requests through
 * `request(url)` open one TCP connection each and leave as many sockets in TIME_WAIT; on a busy host
 * (other suites, benchmarks) that can run out of ephemeral ports.
 */
export interface KeepAliveClient {
  get(path: string): request.Test;
  post(path: string): request.Test;
  /** Any method, for requests routes do not expect (PUT, PATCH, DELETE…). */
  send(method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string): request.Test;
  close(): void;
}

export function keepAliveClient(url: string, maxSockets = 32): KeepAliveClient {
  const agent = new Agent({ keepAlive: true, maxSockets });
  return {
    get: (path) => request(url).get(path).agent(agent),
    post: (path) => request(url).post(path).agent(agent),
    send: (method, path) => request(url)[method](path).agent(agent),
    close: () => agent.destroy(),
  };
}
