/** The quick-start demo's desired-state part (examples/plan.mjs) plans, applies and converges on all three vendors. */
import { afterEach, expect, test, vi } from "vitest";

afterEach(() => {
  vi.restoreAllMocks();
});

test("examples/plan.mjs: plan, apply, plan again with no changes, over DigitalOcean, Atlas and Rackspace", async () => {
  const { planDemo } = (await import(new URL("../../../../examples/plan.mjs", import.meta.url).href)) as {
    planDemo: () => Promise<void>;
  };
  const printed: string[] = [];
  vi.spyOn(console, "log").mockImplementation((text: string) => void printed.push(text));
  await planDemo();
  const [first, applied, again] = printed;
  expect(first).toContain("+ admin/analyst");
  expect(first).toContain("+ etl@10.0.0.%");
  expect(first).toContain("Plan: 4 to create, 0 to change, 0 to delete; 1 unmanaged left alone.");
  expect(applied).toBe("• apply: 4 steps done, 4 new credentials (kept out of the output)");
  expect(again).toContain("Plan: 0 to create, 0 to change, 0 to delete; 1 unmanaged left alone.");
});
