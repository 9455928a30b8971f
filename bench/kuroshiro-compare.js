// SPDX-License-Identifier: GPL-3.0-or-later
// bench/kuroshiro-compare.js: prints kuroshiro's (kuromoji analyser) Hepburn romaji of each
// line of standard input, one line out per line in. Run by bench/kuroshiro-compare, which
// installs the two npm packages into bench/out/node_modules first.
"use strict";
const path = require("path");
const modules = process.argv[2];
const Kuroshiro = require(path.join(modules, "kuroshiro")).default;
const Analyzer = require(path.join(modules, "kuroshiro-analyzer-kuromoji"));

async function main() {
	const input = require("fs").readFileSync(0, "utf8").split("\n");
	if (input.length && input[input.length - 1] === "")
		input.pop();
	const k = new Kuroshiro();
	await k.init(new Analyzer());
	for (const line of input)
		console.log(await k.convert(line, { to: "romaji", mode: "spaced", romajiSystem: "hepburn" }));
}
main().catch((e) => { console.error("kuroshiro-compare: " + e); process.exit(3); });
