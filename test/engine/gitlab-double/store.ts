import * as fs from "node:fs";
import * as path from "node:path";

/** One object the double's GitLab holds: the resource inputs it was given and the outputs it answered with. */
export interface StoredObject {
  type: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

interface StoreData {
  /** The last numeric ID GitLab handed out (runners, groups, projects, tokens…). */
  lastId: number;
  objects: Record<string, StoredObject>;
  /** Groups and projects the look-ups answered for, by full path. */
  namespaces: Record<string, number>;
}

const EMPTY: StoreData = { lastId: 1000, objects: {}, namespaces: {} };

/**
 * The double's GitLab, kept in one JSON file (GITLAB_DOUBLE_STATE) so that every `pulumi` command's plugin
 * process sees what the previous ones created. Each change reads, edits and renames the file in place under a
 * lock folder: the engine can run two plugin processes at once (the stack's provider and a default one).
 */
export class Store {
  constructor(private readonly file: string) {}

  static fromEnvironment(): Store {
    const file = process.env.GITLAB_DOUBLE_STATE;
    if (!file)
      throw new Error(
        "GITLAB_DOUBLE_STATE is not set: the GitLab double needs a file to keep its objects in",
      );
    return new Store(file);
  }

  read(): StoreData {
    try {
      return JSON.parse(fs.readFileSync(this.file, "utf8")) as StoreData;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return structuredClone(EMPTY);
      throw error;
    }
  }

  get(id: string): StoredObject | undefined {
    return this.read().objects[id];
  }

  /** Runs `change` on the current data and saves what it leaves, atomically. */
  change<T>(change: (data: StoreData) => T): T {
    return this.locked(() => {
      const data = this.read();
      const result = change(data);
      const staging = `${this.file}.${process.pid}`;
      fs.writeFileSync(staging, JSON.stringify(data, null, 1));
      fs.renameSync(staging, this.file);
      return result;
    });
  }

  private locked<T>(f: () => T): T {
    const lock = `${this.file}.lock`;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const deadline = Date.now() + 10000;
    for (;;) {
      try {
        fs.mkdirSync(lock);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST" || Date.now() > deadline) throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      }
    }
    try {
      return f();
    } finally {
      fs.rmdirSync(lock);
    }
  }
}

export function nextId(data: StoreData): number {
  data.lastId += 1;
  return data.lastId;
}
