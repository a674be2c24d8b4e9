/** Who is writing (actor.ts): the name typed once in the pane, kept by this browser's storage. */
import { ACTOR_KEY, currentActor, rememberActor } from "../../src/excel/actor";

/** A browser's localStorage as far as the add-in uses it. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
}

const globals = globalThis as { localStorage?: unknown };
afterEach(() => delete globals.localStorage);

describe("the actor's name", () => {
  it("is remembered under its key and read back, the latest typed winning; empty before any", () => {
    const storage = new MemoryStorage();
    globals.localStorage = storage;
    expect(currentActor()).toBe("");
    rememberActor("Nguyễn Văn An");
    expect(storage.items.get(ACTOR_KEY)).toBe("Nguyễn Văn An");
    expect(currentActor()).toBe("Nguyễn Văn An");
    rememberActor("Trần Thị Bình");
    expect(currentActor()).toBe("Trần Thị Bình");
  });

  it("without storage (none, or one that refuses) nothing is kept and nothing fails: the name is typed again", () => {
    expect(currentActor()).toBe("");
    expect(() => rememberActor("Nguyễn Văn An")).not.toThrow();
    globals.localStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => rememberActor("Nguyễn Văn An")).not.toThrow();
    expect(currentActor()).toBe("");
  });
});
