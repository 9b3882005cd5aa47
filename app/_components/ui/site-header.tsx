import Link from 'next/link';
import { MainNav } from './main-nav';

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-[#0b0f17]/90">
      <div className="mx-auto flex max-w-[1400px] flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2 sm:py-3">
        <Link href="/" className="flex items-center gap-2 text-base font-semibold tracking-tight">
          <svg aria-hidden="true" viewBox="0 0 32 32" className="h-6 w-6">
            <rect width="32" height="32" rx="7" fill="#1d4ed8" />
            <path d="M7 22 L13 14 L18 18 L25 9" stroke="#fff" strokeWidth="3" fill="none" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          RouteCost
        </Link>
        <MainNav />
      </div>
    </header>
  );
}
