/** Wraps text to lines of at most `width` characters, breaking at spaces (long words stay whole). */
export function wrap(text: string, width: number): string {
  return text
    .split("\n")
    .map((paragraph) => {
      const lines: string[] = [];
      let line = "";
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        if (line && line.length + 1 + word.length > width) {
          lines.push(line);
          line = word;
        } else {
          line = line ? `${line} ${word}` : word;
        }
      }
      if (line) lines.push(line);
      return lines.join("\n");
    })
    .join("\n");
}

/** A revealed card as an element skeleton: a yellow sticky card with its title and text, centred on a point. */
export function cardSkeleton(title: string, body: string, centerX: number, centerY: number) {
  const text = body ? `${wrap(title, 30)}\n\n${wrap(body, 34)}` : wrap(title, 30);
  const lines = text.split("\n").length;
  const width = 360;
  const height = Math.max(120, 40 + lines * 25);
  return {
    type: "rectangle" as const,
    x: centerX - width / 2,
    y: centerY - height / 2,
    width,
    height,
    strokeColor: "#e67700",
    backgroundColor: "#fff3bf",
    fillStyle: "solid" as const,
    roundness: { type: 3 as const },
    customData: { hint: true },
    label: { text, fontSize: 18, textAlign: "left" as const, verticalAlign: "top" as const },
  };
}
