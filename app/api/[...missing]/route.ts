/**
 * GET|POST|PUT|PATCH|DELETE|OPTIONS /api/…  any path under /api that no route handler serves:
 * a JSON 404 in the portal's error shape (an API client never gets the HTML not-found page)
 */
import { route } from '@/lib/http/route';
import { AppError } from '@/lib/errors';

const notFound = route<{ missing: string[] }>(() => {
  throw new AppError('NOT_FOUND');
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
