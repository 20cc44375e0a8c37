/**
 * Whether an image reference matches an `allowed_images` / `allowed_services` pattern, the way the runner checks it
 * (doublestar globbing, `/` as the separator): `*` and `?` stay within one path segment, a `**` segment matches any
 * number of segments, `[...]` is a character class and `{a,b}` an alternative.
 */
export function matchesImagePattern(pattern: string, image: string): boolean {
  return patternRegExp(pattern).test(image);
}

const compiled = new Map<string, RegExp>();

function patternRegExp(pattern: string): RegExp {
  let regexp = compiled.get(pattern);
  if (!regexp) {
    regexp = new RegExp(`^${segmentsSource(pattern.split("/"))}$`);
    compiled.set(pattern, regexp);
  }
  return regexp;
}

function segmentsSource(segments: string[]): string {
  let source = "";
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === "**") {
      // Any number of whole segments, including none.
      source += last ? ".*" : "(?:[^/]*/)*";
    } else {
      source += segmentSource(segment) + (last ? "" : "/");
    }
  });
  return source;
}

function segmentSource(segment: string): string {
  let source = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else if (c === "\\" && i + 1 < segment.length) source += escape(segment[++i]);
    else if (c === "[") {
      const end = segment.indexOf("]", i + 2);
      if (end < 0) source += "\\[";
      else {
        const body = segment
          .slice(i + 1, end)
          .replace(/^[!^]/, "^")
          .replace(/\\/g, "\\\\");
        source += `[${body}]`;
        i = end;
      }
    } else if (c === "{") {
      const end = segment.indexOf("}", i);
      if (end < 0) source += "\\{";
      else {
        source += `(?:${segment
          .slice(i + 1, end)
          .split(",")
          .map(segmentSource)
          .join("|")})`;
        i = end;
      }
    } else source += escape(c);
  }
  return source;
}

function escape(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
