// How numbers, money, times and names are written for people to read.

const GBP = new Intl.NumberFormat("en-GB", {
  style: "currency", currency: "GBP", minimumFractionDigits: 0, maximumFractionDigits: 0,
});

export const PHASE_LABELS = {
  lobby: "Arrival",
  read_in: "Read-in",
  board: "Board meeting",
  debrief: "Debrief",
  closed: "Finished",
};

export const STATUS_LABELS = {
  proposed: "Waiting for a seconder",
  voting: "Voting open",
  carried: "Carried",
  lost: "Lost",
  withdrawn: "Withdrawn",
  out_of_order: "Ruled out of order",
  void: "Void: corrected",
};

/** The kinds of motion a directorate can put (docs/protocol.md, `propose`). */
export const KIND_LABELS = {
  objective: "Objective",
  target: "Departmental target",
  transfer: "Budget transfer",
  strategy: "Strategy",
  free: "Free text",
};

export const TERM_LABELS = { short: "Short term", medium: "Medium term", long: "Long term" };

/** The kinds of agenda item, and the kind of motion each one suggests. */
export const ITEM_KIND_LABELS = {
  objectives: "Objectives",
  targets: "Departmental targets",
  strategies: "Strategies",
  budget: "Budget",
  free: "Free discussion",
};
export const ITEM_MOTION_KIND = { objectives: "objective", targets: "target", strategies: "strategy", budget: "transfer", free: "free" };

export const VOICE_LABELS = { resident: "Residents", director: "Directors", assistant: "Executive assistants", chair: "Chair", other: "Others" };
export const VOICE_NAMES = { resident: "Resident", director: "Director", assistant: "Executive assistant", chair: "Chair", other: "Other" };

export const CHOICE_LABELS = { for: "For", against: "Against", abstain: "Abstain" };

/** Takes whole pounds; returns "£1,250,000" (or "-£1,250"). */
export function pounds(amount) {
  return GBP.format(Number(amount) || 0);
}

const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** Takes a number; returns it for reading: "14", "1,250", "3.5". */
export function numberText(value) {
  return NUMBER.format(Number(value) || 0);
}

/** Takes what someone typed ("12.5", " 40 "); returns the number, or null. */
export function parseNumber(text) {
  const cleaned = String(text ?? "").replace(/[,\s]/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** Takes what someone typed ("£1,250,000", "1250000 ") and returns whole pounds, or null. */
export function parsePounds(text) {
  const cleaned = String(text || "").replace(/[£,\s]/g, "");
  if (!/^\d+$/.test(cleaned)) return null;
  const amount = Number(cleaned);
  return Number.isSafeInteger(amount) ? amount : null;
}

/** Takes seconds; returns "mm:ss", or "h:mm:ss" from an hour up. */
export function duration(seconds) {
  const total = Math.max(0, Math.ceil(seconds));
  const hrs = Math.floor(total / 3600);
  const mins = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  const two = (n) => String(n).padStart(2, "0");
  return hrs > 0 ? `${hrs}:${two(mins)}:${two(secs)}` : `${two(mins)}:${two(secs)}`;
}

/**
 * The server's clock minus the browser's, in milliseconds, measured when a view
 * arrives. Countdowns use it so a laptop whose clock is wrong still shows the right time.
 */
export function clockOffset(session) {
  return typeof session?.now === "number" ? session.now * 1000 - Date.now() : 0;
}

/** Seconds left in the phase, from `ends_at` and the clock offset. */
export function secondsLeft(session, offsetMs) {
  if (!session || typeof session.ends_at !== "number") return 0;
  if (session.paused) return session.remaining ?? 0;
  return session.ends_at - (Date.now() + offsetMs) / 1000;
}

/** Takes the view's session and the clock offset; returns "12:34", "1:02:03", "Paused" or "". */
export function countdown(session, offsetMs = 0) {
  if (!session || session.phase === "closed") return "";
  if (session.paused) return "Paused";
  return duration(secondsLeft(session, offsetMs));
}

/** A longer sentence for screen readers and titles: "12 minutes left". */
export function countdownWords(session, offsetMs = 0) {
  if (!session || session.phase === "closed") return "The session has finished.";
  const mins = Math.ceil(secondsLeft(session, offsetMs) / 60);
  if (session.paused) return `Clock paused with ${plural(mins, "minute")} left.`;
  return mins > 0 ? `About ${plural(mins, "minute")} left.` : "Time is up.";
}

export function plural(n, word, many = `${word}s`) {
  return `${n} ${n === 1 ? word : many}`;
}

export function phaseLabel(session) {
  return session?.phase_label || PHASE_LABELS[session?.phase] || "";
}

/** Takes seconds since 1970; returns "14:05". */
export function timeOfDay(seconds) {
  if (typeof seconds !== "number") return "";
  return new Date(seconds * 1000).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
}

/** Takes seconds since 1970; returns "Tue 3 June, 14:05". */
export function dateTime(seconds) {
  if (typeof seconds !== "number") return "";
  return new Date(seconds * 1000).toLocaleString("en-GB", {
    weekday: "short", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit",
  });
}

/** Lists names in plain English: "A", "A and B", "A, B and C". */
export function listWords(items) {
  const words = items.filter(Boolean);
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Takes what someone typed; returns a whole number from `min` to `max`, or null. */
export function wholeNumber(text, min, max) {
  const trimmed = String(text ?? "").trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= min && n <= max ? n : null;
}
