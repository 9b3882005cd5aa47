'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const NAV = [
  { href: '/', label: 'Simulator' },
  { href: '/compare', label: 'Compare' },
  { href: '/plan', label: 'Plan' },
  { href: '/catalog', label: 'Catalog' },
  { href: '/methodology', label: 'Methodology' },
] as const;

/** The main navigation; the current page is marked with aria-current and a filled background. */
export function MainNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="-mx-2 flex gap-0.5 text-sm sm:mx-0 sm:gap-1">
      {NAV.map((item) => {
        const current = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? 'page' : undefined}
            className={`rounded-md px-2 py-1.5 sm:px-2.5 ${
              current
                ? 'bg-slate-100 font-medium text-slate-900 dark:bg-slate-800 dark:text-white'
                : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white'
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
