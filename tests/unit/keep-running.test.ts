import { EventEmitter } from "node:events";
import type { ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { keepRunning, restartDelayMs } from "../../scripts/lib/children";

// A stand-in child process: only its exit matters here.
const fakeChild = () => new EventEmitter() as unknown as ChildProcess;

afterEach(() => vi.useRealTimers());

describe("keeping the job worker running", () => {
  it("waits 5 s, then twice as long after each quick stop, at most a minute", () => {
    expect([0, 1, 2, 3, 4, 5].map(restartDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });

  it("starts a child that stopped by itself again after the pause, and the new one is the one running", () => {
    vi.useFakeTimers();
    const started: ChildProcess[] = [];
    const log = vi.fn();
    const current = keepRunning(() => (started.push(fakeChild()), started.at(-1)!), { name: "job worker", stopping: () => false, log });
    started[0].emit("exit", null, "SIGKILL");
    expect(log).toHaveBeenCalledWith("The job worker stopped (SIGKILL); starting it again in 5 s.");
    vi.advanceTimersByTime(4_999);
    expect(started).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(started).toHaveLength(2);
    expect(current()).toBe(started[1]);
    // It stops again at once: the next pause is longer.
    started[1].emit("exit", 1, null);
    expect(log).toHaveBeenLastCalledWith("The job worker stopped (exit 1); starting it again in 10 s.");
    vi.advanceTimersByTime(10_000);
    expect(started).toHaveLength(3);
  });

  it("counts a run that lasted a minute as a fresh start: the pause is 5 s again", () => {
    vi.useFakeTimers();
    const started: ChildProcess[] = [];
    const log = vi.fn();
    keepRunning(() => (started.push(fakeChild()), started.at(-1)!), { name: "job worker", stopping: () => false, log });
    started[0].emit("exit", 1, null);
    vi.advanceTimersByTime(5_000);
    vi.advanceTimersByTime(60_000);
    started[1].emit("exit", 1, null);
    expect(log).toHaveBeenLastCalledWith("The job worker stopped (exit 1); starting it again in 5 s.");
  });

  it("leaves a child stopped while everything is stopping, even if the stop comes during the pause", () => {
    vi.useFakeTimers();
    let stopping = false;
    const started: ChildProcess[] = [];
    keepRunning(() => (started.push(fakeChild()), started.at(-1)!), { name: "job worker", stopping: () => stopping, log: () => {} });
    started[0].emit("exit", null, "SIGKILL");
    stopping = true;
    vi.advanceTimersByTime(60_000);
    expect(started).toHaveLength(1);
    stopping = true;
    const others: ChildProcess[] = [];
    keepRunning(() => (others.push(fakeChild()), others.at(-1)!), { name: "job worker", stopping: () => stopping, log: () => {} });
    others[0].emit("exit", 0, null);
    vi.advanceTimersByTime(60_000);
    expect(others).toHaveLength(1);
  });
});
