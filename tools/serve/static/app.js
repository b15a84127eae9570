// Chat page: recipes from /v1/models, answers streamed from /v1/chat/completions (stream: true).
"use strict";

const $ = (id) => document.getElementById(id);
const els = {
  model: $("model"), note: $("note"), messages: $("messages"), typing: $("typing"),
  form: $("composer"), input: $("input"), send: $("send"), reset: $("reset"),
};
const state = { busy: false, models: new Map(), history: [] };

function authHeaders() {
  const key = localStorage.getItem("serveApiKey");
  return key ? { Authorization: `Bearer ${key}` } : {};
}

function scrollDown() {
  els.messages.scrollTop = els.messages.scrollHeight;
}

function addMessage(role, text) {
  const node = document.createElement("div");
  node.className = `msg ${role}`;
  node.textContent = text;
  els.messages.insertBefore(node, els.typing);
  scrollDown();
  return node;
}

function showError(text) {
  addMessage("error", text);
}

function setBusy(busy) {
  state.busy = busy;
  els.send.disabled = busy;
  els.model.disabled = busy;
  els.reset.disabled = busy;
  els.typing.hidden = !busy;
  if (busy) scrollDown();
}

function current() {
  return state.models.get(els.model.value) || {};
}

function updateNote() {
  const info = current();
  const parts = [];
  if (info.single_turn) parts.push("Cada mensaje es independiente: esta receta no usa el historial.");
  if (info.warning) parts.push(`Aviso: ${info.warning}`);
  els.note.textContent = parts.join(" ");
  els.note.hidden = parts.length === 0;
}

async function errorText(response) {
  let message = `HTTP ${response.status}`;
  try {
    const body = await response.json();
    message = (body.error && (body.error.message || body.error)) || message;
  } catch (_) { /* not JSON */ }
  if (response.status === 401) {
    const key = window.prompt("Este servidor pide una clave de API (SERVE_API_KEY):");
    if (key) {
      localStorage.setItem("serveApiKey", key.trim());
      message += " — clave guardada, vuelve a intentarlo.";
    }
  }
  return message;
}

async function loadModels() {
  try {
    const response = await fetch("/v1/models", { headers: authHeaders() });
    if (!response.ok) throw new Error(await errorText(response));
    const body = await response.json();
    els.model.replaceChildren();
    for (const entry of body.data) {
      state.models.set(entry.id, entry);
      const option = document.createElement("option");
      option.value = entry.id;
      option.textContent = entry.warning ? `${entry.id} (sin adaptador)` : entry.id;
      if (entry.warning) option.title = entry.warning;
      els.model.append(option);
    }
    updateNote();
  } catch (error) {
    showError(`No se pudo cargar la lista de recetas: ${error.message}`);
  }
}

// Reads server-sent events ("data: {...}\n\n") and calls onEvent with each parsed payload.
async function readEvents(response, onEvent) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const event = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      for (const line of event.split("\n")) {
        if (!line.startsWith("data:")) continue;
        const data = line.slice(5).trim();
        if (data === "[DONE]") return;
        onEvent(JSON.parse(data));
      }
    }
    if (done) return;
  }
}

async function send() {
  if (state.busy) return;
  const text = els.input.value;
  if (!text.trim()) {
    showError("Escribe un mensaje antes de enviar.");
    return;
  }
  const model = els.model.value;
  const info = current();
  addMessage("user", text);
  els.input.value = "";
  autosize();
  setBusy(true);
  const messages = info.single_turn ? [] : state.history.slice();
  messages.push({ role: "user", content: text });
  let bubble = null;
  let streamed = "";
  let answer = null;
  try {
    const response = await fetch("/v1/chat/completions", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...authHeaders() },
      body: JSON.stringify({ model: model || undefined, messages, stream: true }),
    });
    if (!response.ok) throw new Error(await errorText(response));
    await readEvents(response, (event) => {
      if (event.error) throw new Error(event.error.message || "error del servidor");
      const choice = (event.choices || [])[0];
      if (!choice) return;
      const piece = choice.delta && choice.delta.content;
      if (piece) {
        if (!bubble) {
          els.typing.hidden = true;
          bubble = addMessage("assistant", "");
        }
        streamed += piece;
        bubble.textContent = streamed;
        scrollDown();
      }
      if (choice.finish_reason && typeof event.answer === "string") answer = event.answer;
    });
    const final = answer !== null ? answer : streamed;
    if (!bubble) bubble = addMessage("assistant", "");
    bubble.textContent = final || "(respuesta vacía)";
    bubble.classList.toggle("empty", !final);
    state.history.push({ role: "user", content: text }, { role: "assistant", content: final });
  } catch (error) {
    showError(`Error: ${error.message}`);
  } finally {
    setBusy(false);
    els.input.focus();
  }
}

function autosize() {
  els.input.style.height = "";
  if (els.input.value) els.input.style.height = `${els.input.scrollHeight}px`;
}

function resetChat() {
  state.history = [];
  for (const node of [...els.messages.querySelectorAll(".msg:not(.typing)")]) node.remove();
}

els.form.addEventListener("submit", (event) => {
  event.preventDefault();
  send();
});
els.input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    send();
  }
});
els.input.addEventListener("input", autosize);
els.model.addEventListener("change", () => {
  resetChat();
  updateNote();
});
els.reset.addEventListener("click", resetChat);

loadModels();
els.input.focus();
