// The trainer's pages: /trainer (sessions) and /trainer/{code} (the console).

import { codeFromPath } from "./api.js";
import { elements, setText, show } from "./dom.js";
import { startConsole } from "./trainer-console.js";
import { startList } from "./trainer-list.js";

const SELECTORS = {
  loading: "#loading",
  signin: "#signin",
  signinExample: "#signin-example",
  problem: "#problem",
  problemTitle: "#problem-title",
  problemMessage: "#problem-message",
  listPage: "#list-page",
  console: "#console",
};
const PARTS = ["loading", "signin", "problem", "listPage", "console"];
const els = elements(SELECTORS);

/** Shows one part of the page ("listPage", "console"...) and hides the others. */
function showPart(name) {
  for (const part of PARTS) show(els[part], part === name);
}

/** Explains how to sign in (the API answered 401 or 403). */
function showSignIn() {
  document.title = "Sign in – Neighbourhood plc";
  setText(els.signinExample, `${location.origin}/sign-in?token=…`);
  showPart("signin");
}

function showProblem(title, message) {
  setText(els.problemTitle, title);
  setText(els.problemMessage, message);
  document.title = `${title} – Neighbourhood plc`;
  showPart("problem");
}

const code = codeFromPath("/trainer");
const pages = { showPart, showSignIn, showProblem };
if (code === "SIGN-IN") {
  // docs/protocol.md gives the sign-in address as /trainer/sign-in; the server takes the token at /sign-in.
  location.replace(`/sign-in${location.search}`);
} else if (code) {
  startConsole(code, pages);
} else {
  startList(pages);
}
