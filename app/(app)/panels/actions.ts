"use server";
import { doneAt, runAction } from "@/lib/actions";
import * as agendaItems from "@/lib/data/panel-agenda-items";
import * as panels from "@/lib/data/panels";
import type { ActionResult } from "@/lib/result";

// Endorsement panel meetings: scheduling, the agenda (adding, taking off), attendance, recommendations, minutes, closing
// and cancelling.

type Prev = ActionResult | null;
const LIST = "/panels";
const meetingPage = (id: string) => `/panels/${id}`;
const after = {
  revalidate: (r: { id: string }) => [LIST, meetingPage(r.id), `${meetingPage(r.id)}/pack`, "/dashboard"],
  redirect: (r: { id: string; transition: string }) => doneAt(meetingPage(r.id), r.transition),
};

export async function scheduleMeeting(_prev: Prev, form: FormData) {
  return runAction(panels.scheduleMeeting, form, after);
}

export async function addToAgenda(_prev: Prev, form: FormData) {
  return runAction(panels.addToAgenda, form, after);
}

export async function withdrawFromAgenda(_prev: Prev, form: FormData) {
  return runAction(agendaItems.withdrawFromAgenda, form, after);
}

export async function recordAttendance(_prev: Prev, form: FormData) {
  return runAction(panels.recordAttendance, form, after);
}

export async function recordRecommendation(_prev: Prev, form: FormData) {
  return runAction(agendaItems.recordRecommendation, form, after);
}

export async function recordMinutes(_prev: Prev, form: FormData) {
  return runAction(panels.recordMinutes, form, after);
}

export async function closeMeeting(_prev: Prev, form: FormData) {
  return runAction(panels.closeMeeting, form, after);
}

export async function cancelMeeting(_prev: Prev, form: FormData) {
  return runAction(panels.cancelMeeting, form, after);
}
