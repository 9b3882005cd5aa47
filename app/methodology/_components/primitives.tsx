import type { ReactNode } from 'react';

/** A methodology section with a stable id (the headline figures' tooltips link to `/methodology#<id>`). */
export function Section({ id, title, modelRef, children }: { id: string; title: string; modelRef: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-20 border-t border-slate-200 pt-8 dark:border-slate-800">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-title`} className="text-xl font-semibold tracking-tight text-slate-900 dark:text-white">
          <a href={`#${id}`} className="hover:underline">
            {title}
          </a>
        </h2>
        <span className="text-xs text-slate-500 dark:text-slate-400">MODEL.md {modelRef}</span>
      </div>
      <div className="mt-4 space-y-4 text-[15px] leading-relaxed text-slate-700 dark:text-slate-300">{children}</div>
    </section>
  );
}

/** One formula: the words first, then the symbols in a display block. */
export function Formula({ name, words, children }: { name: string; words: ReactNode; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 p-4 dark:border-slate-800 dark:bg-slate-900/60">
      <p className="text-sm font-semibold text-slate-900 dark:text-white">{name}</p>
      <p className="mt-1 text-sm">{words}</p>
      <p className="mt-2 overflow-x-auto whitespace-pre-wrap font-serif text-base text-slate-900 dark:text-slate-100" aria-label={`${name}, in symbols`}>
        {children}
      </p>
    </div>
  );
}

/** "Where" list: each symbol and what it stands for. */
export function Where({ items }: { items: [key: string, symbol: ReactNode, meaning: ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
      {items.map(([key, symbol, meaning]) => (
        <div key={key} className="contents">
          <dt className="font-serif text-slate-900 dark:text-slate-100">{symbol}</dt>
          <dd>{meaning}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The published sources a section rests on (MODEL.md §1). */
export function Sources({ items }: { items: ReactNode[] }) {
  return (
    <div className="text-sm">
      <p className="font-semibold text-slate-900 dark:text-white">Sources</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} className="text-blue-700 underline underline-offset-2 dark:text-blue-300" rel="noreferrer">
      {children}
    </a>
  );
}

/** A step of the worked example: what we compute, how, and the number. */
export function Step({ n, title, children, value }: { n: number; title: string; children: ReactNode; value: ReactNode }) {
  return (
    <li className="grid gap-1 rounded-lg border border-slate-200 p-3 sm:grid-cols-[2rem_1fr_auto] sm:items-baseline sm:gap-3 dark:border-slate-800">
      <span className="text-sm font-semibold text-slate-500 dark:text-slate-400" aria-hidden="true">
        {n}.
      </span>
      <div>
        <p className="text-sm font-semibold text-slate-900 dark:text-white">{title}</p>
        <p className="tabular mt-0.5 font-serif text-sm text-slate-700 dark:text-slate-300">{children}</p>
      </div>
      <p className="tabular text-right font-semibold text-slate-900 dark:text-white">{value}</p>
    </li>
  );
}
