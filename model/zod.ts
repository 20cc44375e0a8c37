import { z } from "zod";

// Each schema parses a few times a run (the stack config, each fleet's config.toml). By default zod compiles a
// fast path for every object schema on its first parse (`new Function`), which costs more than it then saves.
z.config({ jitless: true });

export { z };
