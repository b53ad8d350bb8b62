"use client";
import dynamic from "next/dynamic";

// Recharts is most of the impact pages' JavaScript (about 100 kB gzip): loaded after the page, not in its first-load
// scripts. The picture is one image whose name the server already renders, and the table beside it carries the same
// figures, so nothing is lost while it loads or without JavaScript.
export const LazyBars = dynamic(() => import("./Bars"), { ssr: false });
