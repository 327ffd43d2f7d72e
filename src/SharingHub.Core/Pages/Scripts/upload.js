// Browser uploads of an episode's recording, slides and captions, straight to Blob Storage through the hub's
// write-only URL: fixed-size blocks in parallel (Put Block), then the block list (Put Block List), then the hub's
// "complete". The upload is remembered in localStorage (never its URL), so after a dropped connection or a reload the
// same file picks up where it stopped: the hub lists the blocks Blob Storage already holds, and only the others are sent.
// No framework and no inline script: the page's CSP allows this file (script-src 'self') and Blob Storage (connect-src).

const BLOCK_SIZE = 4 * 1024 * 1024;
const PARALLEL = 4;
const ATTEMPTS = 3;

const form = document.querySelector("form[data-upload]");
if (form) {
  setUp(form);
}

function setUp(form) {
  const texts = form.dataset;
  const action = new URL(form.action, location.href); // "…/filer", and "?sprak=nn" on nynorsk pages
  const base = action.pathname;
  const at = (path) => path + action.search;
  const storageKey = `hub-upload:${texts.webinar}`;
  const fields = form.querySelector("[data-upload-fields]");
  const fileInput = form.querySelector("input[type=file]");
  const panel = form.querySelector("[data-upload-progress]");
  const bar = panel.querySelector("progress");
  const status = form.querySelector("[data-upload-status]");
  const pauseButton = form.querySelector("[data-upload-pause]");
  const resumeButton = form.querySelector("[data-upload-resume]");
  const resumeNote = form.querySelector("[data-upload-resume-note]");
  let running = null; // { controller, file, state } while blocks are being sent

  fields.disabled = false;
  const earlier = load();
  if (earlier) {
    resumeNote.textContent = format(texts.tResumeNote, earlier.name);
    resumeNote.hidden = false;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const file = fileInput.files[0];
    if (!file) {
      say(texts.tNoFile);
      fileInput.focus();
      return;
    }
    upload(file).catch((error) => stopped(error));
  });
  pauseButton.addEventListener("click", () => running?.controller.abort("pause"));
  resumeButton.addEventListener("click", () => {
    const file = fileInput.files[0];
    if (file) {
      upload(file).catch((error) => stopped(error));
    }
  });
  window.addEventListener("online", () => {
    if (!running && !resumeButton.hidden && fileInput.files[0]) {
      resumeButton.click();
    }
  });

  async function upload(file) {
    if (running) {
      return;
    }
    const kind = form.elements.kind.value;
    const presentationId = form.elements.presentationId?.value ?? "";
    let state = load();
    let uploadUrl;
    if (state && state.name === file.name && state.size === file.size && state.lastModified === file.lastModified && state.kind === kind) {
      uploadUrl = (await hub(at(`${base}/${state.assetId}/adresse`))).uploadUrl; // a fresh URL: the old one is never stored
    } else {
      const ticket = await hub(at(base), { kind, fileName: file.name, contentType: contentType(file), size: String(file.size), presentationId });
      state = { assetId: ticket.assetId, name: file.name, size: file.size, lastModified: file.lastModified, kind, contentType: contentType(file) };
      save(state);
      uploadUrl = ticket.uploadUrl;
    }
    resumeNote.hidden = true;
    const controller = new AbortController();
    const current = { controller, file, state, uploadUrl };
    running = current;
    show(true);

    const count = Math.max(1, Math.ceil(file.size / BLOCK_SIZE));
    const staged = new Set((await hubGet(at(`${base}/${state.assetId}/blokker`))).blocks);
    const missing = [];
    let done = 0;
    for (let i = 0; i < count; i++) {
      if (staged.has(blockId(i))) {
        done += blockLength(i, file.size);
      } else {
        missing.push(i);
      }
    }
    progress(done, file.size);
    const workers = Array.from({ length: Math.min(PARALLEL, missing.length) }, async () => {
      while (missing.length > 0) {
        const index = missing.shift();
        await putBlock(index);
        done += blockLength(index, file.size);
        progress(done, file.size);
      }
    });
    await Promise.all(workers);

    const list = Array.from({ length: count }, (_, i) => `<Latest>${blockId(i)}</Latest>`).join("");
    await send(current, () => fetch(`${current.uploadUrl}&comp=blocklist`, {
      method: "PUT",
      headers: { "content-type": "application/xml", "x-ms-blob-content-type": state.contentType },
      body: `<?xml version="1.0" encoding="utf-8"?><BlockList>${list}</BlockList>`,
      signal: controller.signal,
    }));
    say(texts.tCompleting);
    const asset = await hub(at(`${base}/${state.assetId}/fullfor`));
    localStorage.removeItem(storageKey);
    running = null;
    pauseButton.hidden = true;
    resumeButton.hidden = true;
    say(asset.status === "rejected" ? format(texts.tRejected, asset.reason ?? "") : texts.tVerifying);
    form.reset();
    if (await refreshFiles(state.assetId) === "available") {
      say(texts.tAvailable);
    }

    async function putBlock(index) {
      const start = index * BLOCK_SIZE;
      const body = file.slice(start, Math.min(file.size, start + BLOCK_SIZE));
      await send(current, () => fetch(`${current.uploadUrl}&comp=block&blockid=${encodeURIComponent(blockId(index))}`, {
        method: "PUT",
        body,
        signal: controller.signal,
      }));
    }
  }

  /** One request to Blob Storage, retried on a dropped connection; a 403 (the URL expired) asks the hub for a new URL. */
  async function send(current, request) {
    for (let attempt = 1; ; attempt++) {
      let response;
      try {
        response = await request();
      } catch (error) {
        if (current.controller.signal.aborted || attempt >= ATTEMPTS) {
          throw error;
        }
        await delay(500 * 2 ** attempt);
        continue;
      }
      if (response.ok) {
        return;
      }
      if (response.status === 403 && attempt < ATTEMPTS) {
        current.uploadUrl = (await hub(at(`${base}/${current.state.assetId}/adresse`))).uploadUrl;
        continue;
      }
      if (response.status >= 500 && attempt < ATTEMPTS) {
        await delay(500 * 2 ** attempt);
        continue;
      }
      throw new Error(`${response.status} ${response.headers.get("x-ms-error-code") ?? ""}`.trim());
    }
  }

  function stopped(error) {
    const paused = running?.controller.signal.aborted && running.controller.signal.reason === "pause";
    running?.controller.abort("stopped"); // the other blocks in flight stop too
    running = null;
    pauseButton.hidden = true;
    resumeButton.hidden = false;
    say(paused ? texts.tPaused : error?.problem ?? texts.tInterrupted);
  }

  /** A POST to the hub with the form's antiforgery token; answers the JSON, or throws with the hub's reason. */
  async function hub(url, values = {}) {
    const body = new URLSearchParams(values);
    const token = form.querySelector("input[type=hidden][name^='__']");
    body.set(token.name, token.value);
    return json(await fetch(url, { method: "POST", body, headers: { accept: "application/json" }, credentials: "same-origin" }));
  }

  async function hubGet(url) {
    return json(await fetch(url, { headers: { accept: "application/json" }, credentials: "same-origin" }));
  }

  async function json(response) {
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      const reasons = answer.errors ? Object.values(answer.errors).flat() : [answer.detail ?? response.statusText];
      const error = new Error(reasons.join(" "));
      error.problem = format(texts.tFailed, reasons.join(" "));
      if (response.status === 409 && running === null) {
        localStorage.removeItem(storageKey); // the asset is finished or expired: the next try starts anew
      }
      throw error;
    }
    return answer;
  }

  /**
   * The file list as the server renders it: its status (verifying, available, rejected) and skipped caption lines,
   * fetched again while the hub is still checking a file. Answers the status of the file just uploaded.
   */
  async function refreshFiles(assetId) {
    for (let round = 0; round < 30; round++) {
      const page = new DOMParser().parseFromString(await (await fetch(location.href, { credentials: "same-origin" })).text(), "text/html");
      const fresh = page.querySelector("[data-files]");
      const current = document.querySelector("[data-files]");
      if (fresh && current) {
        current.replaceWith(fresh);
      }
      if (!fresh?.querySelector("[data-status=verifying]")) {
        return fresh?.querySelector(`[data-asset="${assetId}"]`)?.dataset.status;
      }
      await delay(2000);
    }
  }

  function show(active) {
    panel.hidden = false;
    pauseButton.hidden = !active;
    resumeButton.hidden = active;
  }

  function progress(done, size) {
    const percent = size === 0 ? 100 : Math.floor((done * 100) / size);
    bar.value = percent;
    say(format(texts.tProgress, megabytes(done), megabytes(size), percent));
  }

  function say(text) {
    status.textContent = text;
  }

  function load() {
    try {
      return JSON.parse(localStorage.getItem(storageKey) ?? "null");
    } catch {
      return null;
    }
  }

  function save(state) {
    localStorage.setItem(storageKey, JSON.stringify(state));
  }
}

function blockId(index) {
  return btoa(`block-${String(index).padStart(8, "0")}`); // equal-length ids, as Put Block List requires
}

function blockLength(index, size) {
  return Math.min(BLOCK_SIZE, size - index * BLOCK_SIZE);
}

function contentType(file) {
  const extension = file.name.slice(file.name.lastIndexOf(".")).toLowerCase();
  const types = {
    ".mp4": "video/mp4", ".m4v": "video/mp4", ".mov": "video/quicktime", ".pdf": "application/pdf",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".vtt": "text/vtt",
  };
  return types[extension] ?? file.type;
}

function megabytes(bytes) {
  return (bytes / 1_000_000).toLocaleString(document.documentElement.lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

function format(template, ...values) {
  return values.reduce((text, value, i) => text.replace(`{${i}}`, value), template ?? "");
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
