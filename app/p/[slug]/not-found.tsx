import Link from "next/link";

export default function PlanNotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-bold">No saved plan at this address</h1>
      <p>The link may be mistyped or cut short. Saved plans are never deleted, so check the whole link.</p>
      <p className="flex gap-4">
        <Link href="/plans" className="text-blue-700 underline dark:text-blue-400">
          Recent plans
        </Link>
        <Link href="/plan" className="text-blue-700 underline dark:text-blue-400">
          Start a new plan
        </Link>
      </p>
    </div>
  );
}
