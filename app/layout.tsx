import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { SiteHeader } from './_components/ui/site-header';
import './globals.css';

const TITLE = 'RouteCost: LLM API cost, availability and latency simulator';
const DESCRIPTION =
  'Plan what an LLM-powered product costs over six months on your providers and fallback chain: TCO, availability, rate limits and tail latency.';

/**
 * Absolute base of the Open Graph and icon URLs: set SITE_URL where the app is deployed (read when the page
 * renders; no network). The scenario never appears here: it lives in the link's fragment, which no server sees.
 */
function siteUrl(): URL {
  try {
    return new URL(process.env.SITE_URL || 'http://localhost:3000');
  } catch {
    return new URL('http://localhost:3000');
  }
}

export function generateMetadata(): Metadata {
  return {
    metadataBase: siteUrl(),
    title: { default: TITLE, template: '%s · RouteCost' },
    description: DESCRIPTION,
    applicationName: 'RouteCost',
    referrer: 'no-referrer',
    manifest: '/manifest.webmanifest',
    icons: {
      icon: [
        { url: '/favicon.ico', sizes: '48x48' },
        { url: '/icon.svg', type: 'image/svg+xml' },
      ],
      apple: { url: '/apple-touch-icon.png', sizes: '180x180' },
    },
    openGraph: {
      type: 'website',
      siteName: 'RouteCost',
      title: TITLE,
      description: DESCRIPTION,
      images: [{ url: '/og-image.png', width: 1200, height: 630, alt: 'RouteCost: monthly total cost of ownership of an LLM product' }],
    },
    twitter: { card: 'summary_large_image', title: TITLE, description: DESCRIPTION, images: ['/og-image.png'] },
  };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0b0f17' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Render per request so Next can put proxy.ts's CSP nonce on its scripts (docs/decisions/008).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-slate-900 antialiased dark:bg-[#0b0f17] dark:text-slate-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-blue-600 focus:px-3 focus:py-2 focus:text-white">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
