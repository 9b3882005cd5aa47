import Link from 'next/link';

export default function HomePage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="text-3xl font-semibold tracking-tight">What will your LLM product really cost?</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-300">
        RouteCost simulates six months of traffic on your LLM providers and fallback chain: total cost of ownership, availability,
        rate-limit pressure and tail latency, failover included.
      </p>
      <Link href="/catalog" className="mt-6 inline-block rounded-md bg-blue-700 px-4 py-2 text-white hover:bg-blue-800">
        Browse the model catalog
      </Link>
    </div>
  );
}
