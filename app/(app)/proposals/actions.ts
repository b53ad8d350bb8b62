"use server";
import { doneAt, runAction } from "@/lib/actions";
import * as proposals from "@/lib/data/proposals";
import type { ActionResult } from "@/lib/result";

type Prev = ActionResult | null;
const LIST = "/proposals";
const proposalPage = (id: string) => `/proposals/${id}`;
const after = (done: string) => ({
  revalidate: (r: { id: string }) => [LIST, proposalPage(r.id), "/dashboard"],
  redirect: (r: { id: string }) => doneAt(proposalPage(r.id), done),
});

export async function createProposal(_prev: Prev, form: FormData) {
  return runAction(proposals.createProposal, form, after("created"));
}

export async function editProposal(_prev: Prev, form: FormData) {
  return runAction(proposals.editProposal, form, after("edit"));
}

export async function submitProposal(_prev: Prev, form: FormData) {
  return runAction(proposals.submitProposal, form, after("submit"));
}

export async function assessProposal(_prev: Prev, form: FormData) {
  return runAction(proposals.assessProposal, form, after("assess"));
}

export async function requestMoreInformation(_prev: Prev, form: FormData) {
  return runAction(proposals.requestMoreInformation, form, after("requestMoreInformation"));
}

export async function declineProposal(_prev: Prev, form: FormData) {
  return runAction(proposals.declineProposal, form, after("decline"));
}

export async function acceptProposal(_prev: Prev, form: FormData) {
  return runAction(proposals.acceptProposal, form, {
    revalidate: (r) => [LIST, proposalPage(r.id), "/priorities", "/dashboard"],
    redirect: (r) => doneAt(proposalPage(r.id), "accept"),
  });
}
