// The trainer's pages: /trainer (sessions) and /trainer/{code} (the console).

import { codeFromPath, getJSON, postJSON } from "./api.js";
import { keepClearOf } from "./banner-room.js";
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
  account: "#account",
  accountName: "#account-name",
  signOut: "#sign-out",
};
const PARTS = ["loading", "signin", "problem", "listPage", "console"];
const els = elements(SELECTORS);
const errors = document.getElementById("errors");
if (errors) keepClearOf(errors);

/** Shows one part of the page ("listPage", "console"...) and hides the others. */
function showPart(name) {
  for (const part of PARTS) show(els[part], part === name);
  // The console fills a laptop's window (console.css); the other parts scroll as pages do.
  document.body.dataset.part = name;
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

/** Shows who is signed in, with a button that signs this browser out (it also closes its live connection). */
async function showAccount() {
  let me;
  try {
    me = await getJSON("/api/me");
  } catch {
    return; // not signed in: the page explains how
  }
  setText(els.accountName, me.is_admin ? `${me.name} (administrator)` : me.name);
  show(els.account, true);
  els.signOut.addEventListener("click", async () => {
    els.signOut.disabled = true;
    try {
      await postJSON("/api/sign-out", {});
    } finally {
      location.assign("/trainer");
    }
  });
}

showAccount();
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
