import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MAX_JSON_BODY_BYTES, parseBody } from '@/lib/http/route';
import { bodyLimitFor, requestGateResponse } from '@/lib/http/request-gate';

/** A 300 MB body produced on demand; counts what the reader pulled. */
function hugeBody(): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= 300 * 1024 * 1024) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe('body limits (issue 17: request.json() read any size)', () => {
  it('parseBody stops reading a JSON body without Content-Length at 64 kB: 413', async () => {
    const { stream, pulled } = hugeBody();
    const request = new Request('http://localhost/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expect(parseBody(request, z.object({}))).rejects.toMatchObject({ code: 'TOO_LARGE', status: 413 });
    expect(pulled()).toBeLessThan(MAX_JSON_BODY_BYTES + 4 * 64 * 1024);
  });

  it('parseBody refuses a declared length over 64 kB without reading', async () => {
    const { stream, pulled } = hugeBody();
    const request = new Request('http://localhost/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(300 * 1024 * 1024) },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expect(parseBody(request, z.object({}))).rejects.toMatchObject({ code: 'TOO_LARGE' });
    expect(pulled()).toBeLessThanOrEqual(2 * 64 * 1024);
  });

  it('the front server gate: 64 kB for JSON, forms and text; 25 MB for uploads', async () => {
    expect(bodyLimitFor('application/json; charset=utf-8')).toBe(64 * 1024);
    expect(bodyLimitFor('multipart/form-data; boundary=x')).toBe(64 * 1024);
    expect(bodyLimitFor(undefined)).toBe(64 * 1024);
    expect(bodyLimitFor('application/octet-stream')).toBe(25 * 1024 * 1024);
    const refused = requestGateResponse({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json', 'content-length': String(300 * 1024 * 1024), 'x-locale': 'en' },
    });
    expect(refused?.status).toBe(413);
    expect(refused?.headers.get('connection')).toBe('close');
    // A file a person could pick by mistake (30 MB) is refused too, but its body is drained so the browser reads the 413.
    const scan = requestGateResponse({
      method: 'POST',
      url: '/api/accessions/x/documents',
      headers: { 'content-type': 'application/pdf', 'content-length': String(30 * 1024 * 1024) },
    });
    expect(scan?.status).toBe(413);
    expect(scan?.headers.get('connection')).toBeNull();
    expect(await refused?.json()).toMatchObject({ code: 'TOO_LARGE', message: 'The request is too large.' });
    expect(
      requestGateResponse({
        method: 'POST',
        url: '/api/accessions/x/documents',
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(20 * 1024 * 1024) },
      }),
    ).toBeNull();
    expect(
      requestGateResponse({
        method: 'POST',
        url: '/api/accessions/x/documents',
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(26 * 1024 * 1024) },
      })?.status,
    ).toBe(413);
  });
});

describe('methods (issue 17: TRACE answered 500)', () => {
  it.each(['TRACE', 'CONNECT', 'PROPFIND', 'FOO'])('%s is 405 with Allow, before anything else', async (method) => {
    const refused = requestGateResponse({ method, url: '/api/session', headers: { 'x-locale': 'en' } });
    expect(refused?.status).toBe(405);
    expect(refused?.headers.get('allow')).toBe('GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
    expect(await refused?.json()).toMatchObject({ ok: false, code: 'METHOD_NOT_ALLOWED', message: 'This method is not allowed here.' });
  });

  it.each(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])('%s goes on', (method) => {
    expect(requestGateResponse({ method, url: '/api/v1/accessions', headers: {} })).toBeNull();
  });
});
