import type { NextConfig } from 'next';

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
};

export default nextConfig;
