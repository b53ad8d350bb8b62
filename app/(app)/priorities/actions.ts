"use server";
import { doneAt, runAction } from "@/lib/actions";
import * as gateway from "@/lib/data/gateway";
import * as priorities from "@/lib/data/priorities";
import type { ActionResult } from "@/lib/result";

type Prev = ActionResult | null;
const LIST = "/priorities";
const roundPage = (id: string) => `/priorities/rounds/${id}`;
const priorityPage = (id: string) => `/priorities/${id}`;

export async function createRound(_prev: Prev, form: FormData) {
  return runAction(priorities.createRound, form, { revalidate: () => LIST, redirect: (r) => doneAt(roundPage(r.id), "created") });
}

export async function openRound(_prev: Prev, form: FormData) {
  return runAction(priorities.openRound, form, {
    revalidate: (r) => [LIST, roundPage(r.id)],
    redirect: (r) => doneAt(roundPage(r.id), "open"),
  });
}

export async function closeRound(_prev: Prev, form: FormData) {
  return runAction(priorities.closeRound, form, {
    revalidate: (r) => [LIST, roundPage(r.id)],
    redirect: (r) => doneAt(roundPage(r.id), "close"),
  });
}

export async function createPriority(_prev: Prev, form: FormData) {
  return runAction(priorities.createPriority, form, {
    revalidate: (p) => [LIST, roundPage(p.roundId)],
    redirect: (p) => doneAt(priorityPage(p.id), "created"),
  });
}

export async function editPriority(_prev: Prev, form: FormData) {
  return runAction(priorities.editPriority, form, {
    revalidate: (p) => [LIST, priorityPage(p.id)],
    redirect: (p) => doneAt(priorityPage(p.id), "edit"),
  });
}

export async function publishPriority(_prev: Prev, form: FormData) {
  return runAction(priorities.publishPriority, form, {
    revalidate: (p) => [LIST, priorityPage(p.id)],
    redirect: (p) => doneAt(priorityPage(p.id), "publish"),
  });
}

export async function closePriority(_prev: Prev, form: FormData) {
  return runAction(priorities.closePriority, form, {
    revalidate: (p) => [LIST, priorityPage(p.id)],
    redirect: (p) => doneAt(priorityPage(p.id), "close"),
  });
}

export async function movePriority(_prev: Prev, form: FormData) {
  return runAction(priorities.movePriority, form, { revalidate: (p) => [LIST, roundPage(p.roundId)] });
}

export async function assessGateway(_prev: Prev, form: FormData) {
  return runAction(gateway.assessGateway, form, {
    revalidate: (p) => [LIST, priorityPage(p.id)],
    redirect: (p) => doneAt(priorityPage(p.id), "assessGateway"),
  });
}
