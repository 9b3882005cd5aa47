import type { Metadata } from 'next';
import { PlanView } from './plan-view';

export const metadata: Metadata = {
  title: 'Planner',
  description: 'The cheapest fallback chain that meets availability, latency and rate-limit targets, the Pareto frontier, sensitivity and break-even.',
};

export default function PlanPage() {
  return <PlanView />;
}
