import * as fs from "node:fs";
import * as path from "node:path";
import { runnerVersionsPage } from "./page";

/** Writes docs/runner-versions.md from the model's runner version table. */
const file = path.resolve(__dirname, "../../docs/runner-versions.md");
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, runnerVersionsPage());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
