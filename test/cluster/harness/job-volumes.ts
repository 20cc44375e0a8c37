import { isRecord } from "./objects";
import { bool, defined, Table, table, tables, text } from "./toml-values";

/** The executor's own scratch volumes plus every [[runners.kubernetes.volumes.*]] entry. */
export function jobVolumes(k: Table): Table[] {
  const v = table(k.volumes);
  const own = [
    { name: "repo", emptyDir: {} },
    { name: "scripts", emptyDir: {} },
    { name: "logs", emptyDir: {} },
  ];
  const configured = [
    ...tables(v.pvc).map((e) => ({ name: e.name, persistentVolumeClaim: { claimName: e.name } })),
    ...tables(v.empty_dir).map((e) => ({
      name: e.name,
      emptyDir: defined({ medium: text(e.medium), sizeLimit: text(e.size_limit) }),
    })),
    ...tables(v.secret).map((e) => ({
      name: e.name,
      secret: defined({ secretName: e.name, items: keyToPath(e.items) }),
    })),
    ...tables(v.config_map).map((e) => ({
      name: e.name,
      configMap: defined({ name: e.name, items: keyToPath(e.items) }),
    })),
    ...tables(v.host_path).map((e) => ({
      name: e.name,
      hostPath: { path: text(e.host_path) ?? e.mount_path },
    })),
    ...tables(v.csi).map((e) => ({
      name: e.name,
      csi: defined({ driver: e.driver, readOnly: bool(e.read_only) }),
    })),
  ];
  return [...own, ...configured];
}

function keyToPath(items: unknown): Table[] | undefined {
  if (!isRecord(items)) return undefined;
  return Object.entries(items).map(([key, path]) => ({ key, path }));
}

export function volumeMounts(k: Table): Table[] {
  const v = table(k.volumes);
  const builds = [...tables(v.pvc), ...tables(v.empty_dir)].some((e) => e.mount_path === "/builds");
  const own = [
    ...(builds ? [] : [{ name: "repo", mountPath: "/builds" }]),
    { name: "scripts", mountPath: "/scripts-1-1" },
    { name: "logs", mountPath: "/logs-1-1" },
  ];
  const configured = Object.values(v)
    .flatMap((entries) => tables(entries))
    .map((e) =>
      defined({
        name: e.name,
        mountPath: e.mount_path,
        subPath: text(e.sub_path),
        readOnly: bool(e.read_only),
      }),
    );
  return [...own, ...configured];
}
