import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: { authInterrupts: true },
  serverExternalPackages: ['pdfjs-dist', 'xadesjs', 'xmldsigjs', 'pkijs', '@xmldom/xmldom', 'yauzl', 'bcryptjs', '@pdf-lib/fontkit', 'pdf-lib', 'pg'],
  async redirects() {
    return [{ source: '/', destination: '/lv', permanent: false }];
  },
};

export default nextConfig;
