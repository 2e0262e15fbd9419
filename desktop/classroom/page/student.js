// The student's phone: join with the PIN and a name, answer the question the projector shows, read the reveal.
// Every text from the server or the deck is put on the page with textContent, never as HTML.
"use strict";

(() => {
  const WORDS = JSON.parse(document.getElementById("words").textContent);
  const $ = (id) => document.getElementById(id);
  const LETTERS = "ABCDEFGHIJ";
  const wanted = (navigator.languages && navigator.languages.length ? [...navigator.languages] : [navigator.language || "en"])
    .filter((tag) => /^[A-Za-z-]{1,35}$/.test(tag))
    .slice(0, 8);
  const uiLang = pick(Object.keys(WORDS), "en");

  let token = sessionStorage.getItem("casebook-token"); // the session's only memory: no cookies, nothing else kept
  let name = "";
  let socket = null;
  let delay = 500;
  let ended = false;
  let question = null;
  let mine = null;
  let timer = null;

  function pick(offered, fallback) {
    for (const tag of wanted) {
      for (const lang of offered) {
        if (tag === lang || tag.split("-")[0] === lang.split("-")[0]) return lang;
      }
    }
    return fallback;
  }

  function say(key, values = {}) {
    let text = (WORDS[uiLang] || WORDS.en)[key] ?? WORDS.en[key] ?? key;
    for (const [name, value] of Object.entries(values)) text = text.split(`{${name}}`).join(String(value));
    return text;
  }

  function status(text) {
    $("status").textContent = text;
  }

  function show(part) {
    for (const id of ["join", "question", "result"]) $(id).hidden = id !== part;
  }

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(message));
      return true;
    }
    status(say("connecting"));
    return false;
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws");
    socket.addEventListener("open", () => {
      delay = 500;
      if (token) send({ type: "join", token, lang: wanted[0] || uiLang, langs: wanted });
      else {
        status("");
        show("join");
        $("join-button").disabled = false;
      }
    });
    socket.addEventListener("message", (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      handle(message);
    });
    socket.addEventListener("close", () => {
      socket = null;
      if (ended) return;
      status(say("reconnecting"));
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 8000); // back off: a hall of phones must not hammer a restarting laptop
    });
  }

  function handle(message) {
    switch (message.type) {
      case "joined":
        token = message.token;
        name = message.name;
        sessionStorage.setItem("casebook-token", token);
        break;
      case "waiting":
        stopCountdown();
        question = null;
        mine = null;
        show(null);
        status(say("waiting", { name }));
        break;
      case "question":
        ask(message);
        break;
      case "locked":
        if (question && message.round === question.round) lock(message.yours);
        break;
      case "reveal":
        reveal(message);
        break;
      case "refused":
        refused(message.reason);
        break;
      case "ended":
        end();
        break;
    }
  }

  function refused(reason) {
    if (reason === "old" && !name) {
      // the token is from another lecture: join afresh
      token = null;
      sessionStorage.removeItem("casebook-token");
      show("join");
      $("join-button").disabled = false;
      status("");
      return;
    }
    if (reason === "ended") return end();
    $("join-button").disabled = false;
    if (question && mine === null) enable(true);
    status(say(`refused-${reason}`));
  }

  function end() {
    ended = true;
    stopCountdown();
    show(null);
    status(say("ended"));
    sessionStorage.removeItem("casebook-token");
    if (socket) socket.close();
  }

  function ask(message) {
    question = message;
    mine = null;
    const text = message.texts[pick(Object.keys(message.texts), message.lang)] || message.texts[message.lang];
    $("prompt").textContent = text.prompt;
    const choices = $("choices");
    choices.replaceChildren();
    if (message.kind === "choice") {
      text.choices.forEach((choice, index) => {
        const button = document.createElement("button");
        button.type = "button";
        const letter = document.createElement("span");
        letter.className = "letter";
        letter.textContent = LETTERS[index] || String(index + 1);
        const label = document.createElement("span");
        label.textContent = choice;
        button.append(letter, label);
        button.addEventListener("click", () => {
          if (mine === null && send({ type: "answer", round: question.round, answer: index })) enable(false);
        });
        choices.append(button);
      });
      $("number").hidden = true;
    } else {
      $("unit-before").textContent = text.unit.before;
      $("unit-after").textContent = text.unit.after;
      $("estimate").value = "";
      $("number").hidden = false;
    }
    show("question");
    status("");
    enable(true);
    countdown(message.seconds ? (message.left ?? message.seconds) : null);
    if (message.yours !== null && message.yours !== undefined) lock(message.yours);
  }

  function enable(on) {
    for (const button of $("choices").querySelectorAll("button")) button.disabled = !on;
    $("estimate").disabled = !on;
    $("send").disabled = !on;
  }

  function lock(yours) {
    mine = yours;
    enable(false);
    const chosen = $("choices").children[yours];
    if (question.kind === "choice" && chosen) chosen.classList.add("chosen");
    if (question.kind === "number") $("estimate").value = String(yours);
    status(say("sent"));
  }

  function countdown(left) {
    stopCountdown();
    const shown = $("countdown");
    if (left === null) {
      shown.textContent = "";
      return;
    }
    const deadline = Date.now() + left * 1000;
    const tick = () => {
      const seconds = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      shown.textContent = seconds > 0 ? say("left", { n: seconds }) : say("time-up");
      if (seconds === 0) stopCountdown();
    };
    tick();
    timer = setInterval(tick, 250);
  }

  function stopCountdown() {
    if (timer !== null) clearInterval(timer);
    timer = null;
  }

  function yoursText(response) {
    if (!question || response === null) return "";
    if (question.kind === "number") return String(response);
    const text = question.texts[pick(Object.keys(question.texts), question.lang)] || question.texts[question.lang];
    return `${LETTERS[response] || response + 1}. ${text.choices[response] ?? ""}`;
  }

  function reveal(message) {
    stopCountdown();
    const verdict = $("verdict");
    verdict.className = "verdict";
    if (!message.answered) verdict.textContent = say("no-answer");
    else {
      verdict.textContent = say(message.right ? "right" : "wrong");
      verdict.classList.add(message.right ? "right" : "wrong");
    }
    const yours = message.answered && question && question.round === message.round ? yoursText(mine) : "";
    $("yours").textContent = yours ? say("yours", { answer: yours }) : "";
    $("answer").textContent = say("answer", { answer: message.answer });
    $("source").textContent = message.source ? say("source", { source: message.source }) : "";
    $("explanation").textContent = message.explanation || "";
    show("result");
    status("");
  }

  $("join").addEventListener("submit", (event) => {
    event.preventDefault();
    const sent = send({
      type: "join",
      pin: $("pin").value.trim(),
      name: $("name").value,
      lang: wanted[0] || uiLang,
      langs: wanted,
    });
    if (sent) $("join-button").disabled = true;
  });

  $("number").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = $("estimate").value.trim();
    if (!value) return status(say("not-number"));
    if (question && mine === null && send({ type: "answer", round: question.round, answer: value })) enable(false);
  });

  document.documentElement.lang = uiLang;
  document.title = say("title");
  $("title").textContent = say("title");
  $("pin-label").textContent = say("pin");
  $("name-label").textContent = say("name");
  $("join-button").textContent = say("join");
  $("estimate-label").textContent = say("estimate");
  $("send").textContent = say("send");
  status(say("connecting"));
  connect();
})();
