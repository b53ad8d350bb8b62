"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { FORM_TOKEN_FIELD, newFormToken } from "@/lib/form";
import type { ActionResult } from "@/lib/result";
import { useFormResult, type FormAction } from "./ActionFormClient";

// Keeps a long form's work safe once scripts run (without them the form still saves with its button):
// - leaving with changes not yet saved asks first: the browser's own prompt when the page unloads, a confirm for a
//   link inside the app (those navigate without unloading);
// - a link marked `data-save-first` (e.g. "Check … and submit") saves the form first, then follows the link, or
//   stays to show the errors;
// - with `autosave`, the form is saved a moment after the person stops typing, through the same command and its
//   optimistic lock; `onSaved` is given the new lock version for the next save.

export type Autosave = { action: FormAction; onSaved: (version: number) => void };

const AUTOSAVE_DELAY_MS = 2_000;
const LEAVE_QUESTION = "You have changes that are not saved. Leave this page and lose them?";

const savedVersion = (result: ActionResult): number | undefined => {
  const data = result.ok ? result.data : undefined;
  return typeof data === "object" && data !== null && "version" in data && typeof data.version === "number" ? data.version : undefined;
};

export function UnsavedChanges({ autosave }: { autosave?: Autosave }) {
  const marker = useRef<HTMLSpanElement>(null);
  const result = useFormResult();
  const router = useRouter();
  const [dirty, setDirty] = useState(false);
  const [autosaved, setAutosaved] = useState<Date | null>(null);
  // Refs, because the listeners below outlive renders: edits since the last save began, the link to follow once
  // saved, the autosave under way and its timer.
  const edited = useRef(false);
  const leaveTo = useRef<string | null>(null);
  const saving = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const autosaveRef = useRef(autosave);
  useEffect(() => {
    autosaveRef.current = autosave;
  });

  useEffect(() => {
    if (!result) return;
    if (result.ok && !edited.current) setDirty(false);
    const href = leaveTo.current;
    leaveTo.current = null;
    if (result.ok && href) router.push(href);
  }, [result, router]);

  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    const save = async () => {
      const current = autosaveRef.current;
      if (!current || !edited.current) return;
      const data = new FormData(form);
      data.set(FORM_TOKEN_FIELD, newFormToken());
      edited.current = false;
      const outcome = await current.action(null, data);
      const version = savedVersion(outcome);
      if (version === undefined) {
        // Left for the Save button, which shows why (a field error, or someone else's change).
        edited.current = true;
        return;
      }
      flushSync(() => current.onSaved(version));
      setAutosaved(new Date());
      if (!edited.current) setDirty(false);
    };
    const changed = () => {
      edited.current = true;
      setDirty(true);
      setAutosaved(null);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (saving.current) return;
        saving.current = save().finally(() => (saving.current = null));
      }, AUTOSAVE_DELAY_MS);
    };
    const clicked = (event: Event) => {
      // The list buttons (add, move, remove) change the form without typing.
      if ((event.target as Element).closest?.("button[name=intent]")) changed();
    };
    const submitted = (event: SubmitEvent) => {
      clearTimeout(timer.current);
      if (saving.current) {
        // The autosave under way changes the lock version this save must send: save again once it is back.
        event.preventDefault();
        const submitter = event.submitter;
        void saving.current.then(() => form.requestSubmit(submitter));
        return;
      }
      edited.current = false;
    };
    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    form.addEventListener("click", clicked);
    form.addEventListener("submit", submitted);
    return () => {
      clearTimeout(timer.current);
      form.removeEventListener("input", changed);
      form.removeEventListener("change", changed);
      form.removeEventListener("click", clicked);
      form.removeEventListener("submit", submitted);
    };
  }, []);

  useEffect(() => {
    if (!dirty) return;
    const form = marker.current?.closest("form");
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    const linkClicked = (event: MouseEvent) => {
      const link = (event.target as Element).closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      if (link.pathname === window.location.pathname && link.hash) return;
      // Before the app's own link handling, which would navigate without unloading the page.
      event.preventDefault();
      event.stopPropagation();
      if (link.hasAttribute("data-save-first") && form) {
        leaveTo.current = link.href;
        form.requestSubmit();
      } else if (window.confirm(LEAVE_QUESTION)) {
        window.removeEventListener("beforeunload", beforeUnload);
        window.location.assign(link.href);
      }
    };
    window.addEventListener("beforeunload", beforeUnload);
    window.addEventListener("click", linkClicked, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      window.removeEventListener("click", linkClicked, true);
    };
  }, [dirty]);

  return (
    <span ref={marker} className="mb-4 block">
      {dirty ? (
        "You have changes that are not saved yet."
      ) : autosaved ? (
        <>Your draft was saved automatically at {autosaved.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" })}.</>
      ) : null}
    </span>
  );
}
