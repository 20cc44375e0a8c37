import { CONFIG_SECTION } from "./global";
import { formatPath, type PathSegment } from "../problems";
import { toTomlPath } from "./paths";

/** The config.toml path of a model path: ["runners", 0, "kubernetes", "cpuLimit"] → `runners[0].kubernetes.cpu_limit`. */
export function tomlPathOf(modelPath: readonly PathSegment[]): string {
  return formatPath(toTomlPath(modelPath, CONFIG_SECTION));
}

/** The config.toml key path of a model path, as segments: ["runners", 0, "kubernetes", "cpu_limit"]. */
export function tomlSegmentsOf(modelPath: readonly PathSegment[]): PathSegment[] {
  return toTomlPath(modelPath, CONFIG_SECTION);
}
