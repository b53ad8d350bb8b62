"use client";
import { useActionState } from "react";
import type { FormAction } from "@/components/forms/ActionForm";
import { Button } from "@/components/ui/Button";
import { VisuallyHidden } from "@/components/ui/VisuallyHidden";
import type { ActionResult } from "@/lib/result";

type Props = {
  action: FormAction;
  priority: { id: string; version: number; title: string };
  direction: "up" | "down";
  /** The priority it swaps with, as the user saw it. */
  neighbour: { id: string; version: number };
};

/** "Move <title> up": a one-button form (works without JavaScript); a refusal is shown beside it. */
export function MoveButton({ action, priority, direction, neighbour }: Props) {
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(action, null);
  return (
    <form action={formAction} className="mb-2 inline-block pr-2">
      <input type="hidden" name="id" value={priority.id} />
      <input type="hidden" name="version" value={priority.version} />
      <input type="hidden" name="direction" value={direction} />
      <input type="hidden" name="neighbourId" value={neighbour.id} />
      <input type="hidden" name="neighbourVersion" value={neighbour.version} />
      <Button variant="secondary" disabled={pending}>
        Move<VisuallyHidden> {priority.title}</VisuallyHidden> {direction}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="mt-2 font-bold text-nhs-red">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
