'use client';

import { useSyncExternalStore } from 'react';
import { localIsoDate } from '@/lib/catalog/table';

const subscribe = () => () => {};

/**
 * Today's date (YYYY-MM-DD) on the client, null during server rendering and hydration, so staleness badges never
 * cause a hydration mismatch: they appear right after the page becomes interactive, computed from the user's clock.
 */
export function useToday(): string | null {
  return useSyncExternalStore(subscribe, () => localIsoDate(new Date()), () => null);
}
