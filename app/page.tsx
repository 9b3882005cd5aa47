import type { Metadata } from 'next';
import { Simulator } from './_components/simulator/simulator';

export const metadata: Metadata = {
  title: 'Simulator',
  description: 'Simulate six months of an LLM product on your providers and fallback chain: TCO, availability, rate limits and tail latency.',
};

export default function SimulatorPage() {
  return <Simulator />;
}
