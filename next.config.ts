import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from 'next/constants';
import { buildStylesheet } from './scripts/build-stylesheet';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: { authInterrupts: true },
  // Every page renders per request (the CSP nonce); its <title> and metadata still belong in <head>
  // from the first byte (screen readers, pages served without JavaScript), so metadata never streams.
  htmlLimitedBots: /.*/,
  serverExternalPackages: ['pdfjs-dist', 'xadesjs', 'xmldsigjs', 'pkijs', '@xmldom/xmldom', 'yauzl', 'bcryptjs', '@pdf-lib/fontkit', 'pdf-lib', 'pg'],
  // Latvian is the default language: `/` serves the Latvian home without a redirect hop.
  rewrites() {
    return Promise.resolve([{ source: '/', destination: '/lv' }]);
  },
  // The public pages' stylesheet is versioned by its content (?v=, lib/site/stylesheet.ts).
  headers() {
    return Promise.resolve([{ source: '/assets/:file*', headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }] }]);
  },
};

/**
 * Building (or starting the development server) also writes the public pages' stylesheet,
 * public/assets/site.css, from app/globals.css with the same PostCSS pipeline (ADR 0180).
 */
export default async function config(phase: string): Promise<NextConfig> {
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER) await buildStylesheet(process.cwd());
  return nextConfig;
}
