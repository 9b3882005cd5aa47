import type { Metadata } from 'next';
import { CompareView } from './compare-view';

export const metadata: Metadata = {
  title: 'Compare scenarios',
  description: 'Two to four scenarios side by side: headline figures with deltas, cumulative cost, and which cost lines make one cheaper.',
};

export default function ComparePage() {
  return <CompareView />;
}
