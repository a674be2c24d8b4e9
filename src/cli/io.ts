/** What a command of the command line writes to and reads from: its two streams and the environment (main.ts passes them on). */
export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  isTTY: boolean;
  /** The environment: LC_ALL, LC_MESSAGES or LANG choose the language (none: Vietnamese). */
  env?: Record<string, string | undefined>;
}
