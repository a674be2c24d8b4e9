/**
 * Who is writing, for the log ("Nhật ký"): the name typed once in the pane, kept by this browser
 * (the ribbon's commands run on the same origin and read it too). Nothing else is kept.
 */
export const ACTOR_KEY = "xep-hang-cntt.by";

export function currentActor(): string {
  try {
    return globalThis.localStorage?.getItem(ACTOR_KEY) ?? "";
  } catch {
    return "";
  }
}

export function rememberActor(name: string): void {
  try {
    globalThis.localStorage?.setItem(ACTOR_KEY, name);
  } catch {
    // A browser without storage forgets the name: it is typed again.
  }
}
