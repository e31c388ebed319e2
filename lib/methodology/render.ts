import "server-only";
// docs/METHODOLOGY.md rendered to HTML for the /methodology page, headings with the anchors the
// "How is this computed?" links use. The file is the project's own (trusted), read once per process.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Marked } from "marked";
import { headingSlug } from "./sections";

const marked = new Marked({
  gfm: true,
  renderer: {
    heading({ tokens, depth, text }) {
      return `<h${depth} id="${headingSlug(text)}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
    },
  },
  hooks: {
    // A wide table scrolls inside its own region, which a keyboard can reach (tab, then arrow keys).
    postprocess: (html) => html.replaceAll("<table>", '<div class="table-scroll" tabindex="0" role="region" aria-label="Table, scrolls sideways"><table>').replaceAll("</table>", "</table></div>"),
  },
});

let rendered: Promise<string> | undefined;

export function renderMethodology(): Promise<string> {
  rendered ??= readFile(path.join(process.cwd(), "docs", "METHODOLOGY.md"), "utf8").then((md) => marked.parse(md, { async: false }));
  return rendered;
}
