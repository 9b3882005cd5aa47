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
    <nav aria-label="Main" className="-mx-2 flex max-w-[calc(100%+1rem)] gap-0 overflow-x-auto text-[13px] sm:mx-0 sm:max-w-full sm:gap-1 sm:text-sm">
      {NAV.map((item) => {
        const current = item.href === '/' ? pathname === '/' : pathname.startsWith(item.href);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={current ? 'page' : undefined}
            className={`whitespace-nowrap rounded-md px-1.5 py-1.5 sm:px-2.5 ${
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
