import Link from "next/link";

export const metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="font-mono text-sm text-slate-500">404</p>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">This page is not on the map</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">The address may be mistyped, or the page has moved.</p>
      <div className="mt-6 flex justify-center gap-3">
        <Link href="/" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white dark:bg-white dark:text-slate-900">
          Home
        </Link>
        <Link href="/plan" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium dark:border-slate-600">
          Plan a deployment
        </Link>
        <Link href="/calculate" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium dark:border-slate-600">
          Calculator
        </Link>
      </div>
    </div>
  );
}
