import { createHash } from "node:crypto";
import type { Store } from "./store";
import { nextId } from "./store";

type Values = Record<string, unknown>;

/**
 * The double's GitLab has every group and project a stack names: a look-up by path answers with a stable numeric
 * ID (handed out on the first look-up and kept), a look-up by ID finds what was looked up by path before.
 */
export function lookUp(token: string, args: Values, store: Store, gitlabUrl: string): Values {
  const answer = LOOK_UPS[token];
  if (!answer) throw new Error(`the GitLab double answers no look-up ${token}`);
  return answer(args, store, gitlabUrl);
}

/** The look-ups the double answers, by function token. */
const LOOK_UPS: Readonly<Record<string, (args: Values, store: Store, gitlabUrl: string) => Values>> = {
  "gitlab:index/getGroup:getGroup": (args, store, gitlabUrl) =>
    group(namespace(store, args.fullPath, args.groupId, "group", "fullPath or groupId"), gitlabUrl),
  "gitlab:index/getProject:getProject": (args, store, gitlabUrl) =>
    project(
      namespace(store, args.pathWithNamespace, args.id, "project", "pathWithNamespace or id"),
      gitlabUrl,
    ),
  "gitlab:index/getCurrentUser:getCurrentUser": () => currentUser(),
};

interface Namespace {
  path: string;
  id: number;
}

function namespace(store: Store, byPath: unknown, byId: unknown, what: string, keys: string): Namespace {
  if (typeof byPath === "string" && byPath !== "")
    return store.change((data) => {
      const key = `${what}:${byPath}`;
      data.namespaces[key] ??= nextId(data);
      return { path: byPath, id: data.namespaces[key] };
    });
  if (byId !== undefined && byId !== "") {
    const found = Object.entries(store.read().namespaces).find(
      ([key, id]) => key.startsWith(`${what}:`) && String(id) === String(byId),
    );
    if (!found) throw new Error(`${what} ${String(byId)} not found (404)`);
    return { path: found[0].slice(what.length + 1), id: found[1] };
  }
  throw new Error(`give ${keys} to look a ${what} up`);
}

function last(path: string): string {
  return path.split("/").pop() ?? path;
}

function group({ path, id }: Namespace, url: string): Values {
  const parent = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
  return {
    id: String(id),
    groupId: id,
    name: last(path),
    path: last(path),
    fullPath: path,
    fullName: path.split("/").join(" / "),
    parentId: parent ? stableNumber(parent) : 0,
    description: "",
    visibilityLevel: "private",
    webUrl: `${url}/groups/${path}`,
    archived: false,
    defaultBranch: "main",
    sharedRunnersSetting: "enabled",
    createdAt: "2026-01-01T00:00:00Z",
    runnersToken: `GR1348941${stableNumber(path)}`,
  };
}

function project({ path, id }: Namespace, url: string): Values {
  const namespacePath = path.slice(0, Math.max(path.lastIndexOf("/"), 0));
  return {
    id: String(id),
    name: last(path),
    path: last(path),
    pathWithNamespace: path,
    nameWithNamespace: path.split("/").join(" / "),
    namespaceId: stableNumber(namespacePath),
    namespaces: [
      {
        id: stableNumber(namespacePath),
        fullPath: namespacePath,
        kind: "group",
        name: last(namespacePath),
        path: last(namespacePath),
      },
    ],
    defaultBranch: "main",
    description: "",
    visibility: "private",
    visibilityLevel: "private",
    archived: false,
    emptyRepo: false,
    webUrl: `${url}/${path}`,
    httpUrlToRepo: `${url}/${path}.git`,
    sshUrlToRepo: `git@${new URL(url).host}:${path}.git`,
    sharedRunnersEnabled: true,
    groupRunnersEnabled: true,
    buildsAccessLevel: "enabled",
    ciConfigPath: "",
    topics: [],
    createdAt: "2026-01-01T00:00:00Z",
    creatorId: 1,
    runnersToken: `GR1348941${stableNumber(path)}`,
  };
}

function currentUser(): Values {
  return {
    id: "1",
    username: "platform-bot",
    name: "Platform Bot",
    bot: true,
    globalId: "gid://gitlab/User/1",
    globalNamespaceId: "gid://gitlab/Namespaces::UserNamespace/1",
    namespaceId: "1",
    groupCount: 1,
    publicEmail: "",
  };
}

function stableNumber(text: string): number {
  return 100 + (createHash("sha256").update(text).digest().readUInt32BE(0) % 100000);
}
