import type { ReactNode } from 'react';
import { LEGEND_STYLE } from './axis';

/**
 * Shared recharts <Legend> props: items in drawing order (recharts sorts by name by default), and labels in the text
 * colour rather than the series colour, which fails contrast for light series such as yellow.
 */
export const LEGEND_PROPS = {
  wrapperStyle: LEGEND_STYLE,
  iconSize: 10,
  itemSorter: null,
  formatter: (value: ReactNode) => <span className="text-slate-700 dark:text-slate-200">{value}</span>,
} as const;
