/**
 * GET /api/auth/*  Auth.js session and CSRF endpoints. POST is deliberately
 * not exported: sign-in goes through POST /api/session only.
 */
import { handlers } from '@/lib/auth/next-auth';

export const { GET } = handlers;
