/** GET /api/health  readiness for a proxy or orchestrator: database reachable, migrations applied, storage writable (200, else 503) */
import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkHealth();
  return NextResponse.json(health, { status: health.ok ? 200 : 503, headers: { 'cache-control': 'no-store', ...(health.ok ? {} : { 'retry-after': '5' }) } });
}
