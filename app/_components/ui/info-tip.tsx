'use client';

import { useEffect, useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { tooltipPosition } from '@/lib/store/tooltip-position';

/**
 * A one-line help tooltip for an input or a preset: a small "?" button that shows its text on hover and on keyboard
 * focus, closes on Escape. The text stays in the accessibility tree (visually hidden when closed), so `aria-describedby`
 * on the related control always reads it. The open tip is placed against the viewport (fixed), so a scrolling column
 * never clips it and it never runs off a phone screen.
 */
export function InfoTip({ label, children, id }: { label: string; children: ReactNode; id?: string }) {
  const generated = useId();
  const tipId = id ?? `${generated}-tip`;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [style, setStyle] = useState<CSSProperties | null>(null);
  const open = () => {
    const rect = buttonRef.current?.getBoundingClientRect();
    if (!rect) return;
    setStyle(tooltipPosition(rect, { width: window.innerWidth, height: window.innerHeight }));
  };
  const close = () => setStyle(null);
  const isOpen = style !== null;
  useEffect(() => {
    if (!isOpen) return;
    // A fixed tip would drift away from its button on scroll: close it instead.
    const onScroll = () => setStyle(null);
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => window.removeEventListener('scroll', onScroll, { capture: true });
  }, [isOpen]);
  return (
    <span className="relative inline-flex align-middle" onMouseEnter={open} onMouseLeave={close}>
      <button
        ref={buttonRef}
        type="button"
        aria-label={`About ${label}`}
        aria-describedby={tipId}
        onFocus={open}
        onBlur={close}
        onClick={() => (style ? close() : open())}
        onKeyDown={(event) => {
          if (event.key === 'Escape') close();
        }}
        className="inline-flex h-4 w-4 items-center justify-center rounded-full text-slate-500 hover:text-slate-800 dark:text-slate-400 dark:hover:text-slate-100"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          <path
            fillRule="evenodd"
            d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0ZM8.94 6.94a.75.75 0 1 1-1.06-1.06 3 3 0 1 1 2.87 5.03.53.53 0 0 0-.25.42v.17a.75.75 0 0 1-1.5 0v-.17c0-.9.6-1.63 1.34-1.87a1.5 1.5 0 1 0-1.4-2.52ZM10 15a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
            clipRule="evenodd"
          />
        </svg>
      </button>
      <span
        role="tooltip"
        id={tipId}
        style={style ?? undefined}
        className={
          style
            ? 'fixed z-50 rounded-md border border-slate-200 bg-white p-2.5 text-xs font-normal normal-case leading-relaxed tracking-normal text-slate-700 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200'
            : 'sr-only'
        }
      >
        {children}
      </span>
    </span>
  );
}
