import { describe, expect, it } from "vitest";
import { applyListIntent, listIntent, parseListIntent } from "@/lib/list-intent";

const blank = () => "";

describe("parseListIntent", () => {
  it("reads the intents the editor's buttons send", () => {
    expect(parseListIntent(listIntent.add("outcomes"))).toEqual({ list: "outcomes", op: "add" });
    expect(parseListIntent(listIntent.move("epas", 2, "up"))).toEqual({ list: "epas", op: "up", index: 2 });
    expect(parseListIntent(listIntent.remove("outcomes", 0))).toEqual({ list: "outcomes", op: "remove", index: 0 });
  });

  it("treats a plain save or anything unrecognised as no list change", () => {
    for (const intent of [
      undefined,
      null,
      "",
      "save",
      "add:priorities",
      "move:outcomes:x:up",
      "move:outcomes:1:sideways",
      "remove:epas:-1",
    ]) {
      expect(parseListIntent(intent)).toBeNull();
    }
  });
});

describe("applyListIntent", () => {
  const list = ["a", "b", "c"];

  it("adds a blank row at the end", () => {
    expect(applyListIntent(list, { list: "outcomes", op: "add" }, blank)).toEqual(["a", "b", "c", ""]);
  });

  it("moves a row up or down, and leaves the ends alone", () => {
    expect(applyListIntent(list, { list: "outcomes", op: "up", index: 2 }, blank)).toEqual(["a", "c", "b"]);
    expect(applyListIntent(list, { list: "outcomes", op: "down", index: 0 }, blank)).toEqual(["b", "a", "c"]);
    expect(applyListIntent(list, { list: "outcomes", op: "up", index: 0 }, blank)).toEqual(list);
    expect(applyListIntent(list, { list: "outcomes", op: "down", index: 2 }, blank)).toEqual(list);
  });

  it("removes a row, ignores an index past the end, and never changes its input", () => {
    expect(applyListIntent(list, { list: "outcomes", op: "remove", index: 1 }, blank)).toEqual(["a", "c"]);
    expect(applyListIntent(list, { list: "outcomes", op: "remove", index: 5 }, blank)).toEqual(list);
    expect(list).toEqual(["a", "b", "c"]);
  });
});
