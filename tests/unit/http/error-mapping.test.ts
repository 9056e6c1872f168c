import { describe, expect, it } from 'vitest';
import { Prisma } from '@/lib/generated/prisma/client';
import { errorResponse } from '@/lib/http/route';

describe('errorResponse: the database being unavailable is a 503 with Retry-After (issue 17)', () => {
  it.each([
    ['P2028', 'Transaction API error: Unable to start a transaction in the given time.'],
    ['P2037', 'Too many database connections opened'],
    ['P2024', 'Timed out fetching a new connection from the connection pool.'],
  ])('Prisma %s', async (code, message) => {
    const error = new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: '7.10.0' });
    const res = errorResponse(error, 'en');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toMatchObject({ ok: false, code: 'UNAVAILABLE' });
  });

  it('a bug is still a 500', () => {
    const original = console.error;
    console.error = () => undefined;
    try {
      expect(errorResponse(new TypeError('x is undefined'), 'en').status).toBe(500);
    } finally {
      console.error = original;
    }
  });
});
