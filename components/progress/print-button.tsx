'use client';

/** Opens the browser's print dialog (the print stylesheet in app/globals.css leaves only the report). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded border-2 border-gray-700 bg-white px-4 py-2 font-semibold">
      {label}
    </button>
  );
}
