"use client";
import { Button } from "@/components/ui/Button";

/** Opens the browser's print dialog, where the page can also be saved as a PDF. Hidden when printing. */
export function PrintButton() {
  return (
    <Button type="button" variant="secondary" className="no-print" onClick={() => window.print()}>
      Print or save as PDF
    </Button>
  );
}
