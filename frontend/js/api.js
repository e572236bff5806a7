// The HTTP side of the protocol (docs/protocol.md). Errors come back as
// {"detail": "a sentence for a person"} with a 4xx status.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const FALLBACK = {
  401: "You need to sign in first.",
  403: "You are not allowed to see that.",
  404: "We could not find that.",
  409: "That clashes with something that has just changed. Please try again.",
  422: "Some of the details are not right. Please check them and try again.",
};

// Sent with every request that changes something: the server refuses such a request without it, so a
// page on another site cannot make a signed-in browser change anything (see docs/security.md).
export const SAME_SITE_HEADER = { "X-NPLC": "1" };

/** fetch() for this server: same-origin cookies, and the same-site header on anything but GET and HEAD. */
export function send(path, options = {}) {
  const method = (options.method || "GET").toUpperCase();
  const unsafe = method !== "GET" && method !== "HEAD";
  const headers = unsafe ? { ...options.headers, ...SAME_SITE_HEADER } : options.headers;
  return fetch(path, { credentials: "same-origin", ...options, headers });
}

async function request(path, options = {}) {
  let response;
  try {
    response = await send(path, options);
  } catch {
    throw new ApiError(0, "We could not reach the server. Check your connection and try again.");
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, detailOf(body) || FALLBACK[response.status]
    || `Something went wrong on the server (error ${response.status}). Please try again.`);
  return body;
}

function detailOf(body) {
  const detail = body?.detail;
  if (typeof detail === "string") return detail;
  // FastAPI validation errors are a list of {msg, loc}; show the first in plain words.
  if (Array.isArray(detail) && detail[0]?.msg) return String(detail[0].msg);
  return "";
}

/** Takes a path; returns the parsed JSON or throws ApiError with a message for a person. */
export function getJSON(path) {
  return request(path, { headers: { Accept: "application/json" } });
}

export function postJSON(path, data) {
  return request(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(data),
  });
}

/** The session code in the address: /play/ab12cd -> "AB12CD". */
export function codeFromPath(prefix) {
  const rest = location.pathname.slice(prefix.length).replace(/^\/+/, "");
  const code = decodeURIComponent(rest.split("/")[0] || "");
  return code.toUpperCase();
}

export function sessionPath(code, tail = "") {
  return `/api/sessions/${encodeURIComponent(code)}${tail}`;
}

/** Uploads a file as the request body; returns {ok, status, body} so callers can show a list of problems. */
export async function postFile(path, file) {
  let response;
  try {
    response = await send(path, {
      method: "POST", body: file,
      headers: { "Content-Type": "application/zip", "X-Filename": file.name, Accept: "application/json" },
    });
  } catch {
    return { ok: false, status: 0, body: { detail: "We could not reach the server. Check your connection and try again." } };
  }
  const body = await response.json().catch(() => ({}));
  return { ok: response.ok, status: response.status, body };
}
