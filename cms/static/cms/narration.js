/* Read aloud: highlights the sentence being read, lets the reader tap a sentence to hear it
   again and slow the voice down. Loaded only on pages with narration; the timings file is
   fetched when the reader first presses play, never before. Without JavaScript the audio
   player works on its own. */
"use strict";
(function () {
  const player = document.querySelector("[data-narration]");
  if (!player) return;
  const audio = player.querySelector("[data-narration-audio]");
  const tools = player.querySelector(".narration-tools");
  const speed = player.querySelector("[data-narration-speed]");
  const region = player.closest("article") || document.querySelector("main");
  const SLOW = 0.75;
  let sentences = null;
  let loading = null;
  let current = -1;
  let stopAt = null;

  tools.hidden = false;
  speed.addEventListener("click", () => {
    const slow = speed.getAttribute("aria-pressed") !== "true";
    speed.setAttribute("aria-pressed", String(slow));
    audio.playbackRate = slow ? SLOW : 1;
    audio.defaultPlaybackRate = audio.playbackRate;
  });

  // Text nodes of what is read, in order (the player, menus and hidden parts left out).
  function textNodes() {
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        const parent = node.parentElement;
        if (!parent || parent.closest("[data-not-narrated], script, style, [hidden]")) {
          return NodeFilter.FILTER_REJECT;
        }
        return node.nodeValue.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      },
    });
    const nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  }

  // Sentences are found in the page's text with spaces ignored (rich text puts its own
  // spacing around bold words and links), in order, and wrapped piece by piece.
  function markSentences(list) {
    const nodes = textNodes();
    let joined = "";
    const owners = [];
    nodes.forEach((node, index) => {
      for (let offset = 0; offset < node.nodeValue.length; offset += 1) {
        if (!/\s/.test(node.nodeValue[offset])) {
          joined += node.nodeValue[offset];
          owners.push([index, offset]);
        }
      }
    });
    const pieces = [];
    let cursor = 0;
    list.forEach((sentence, number) => {
      const wanted = sentence.text.replace(/\s+/g, "");
      const at = wanted ? joined.indexOf(wanted, cursor) : -1;
      if (at < 0) return;
      cursor = at + wanted.length;
      const [firstNode, firstOffset] = owners[at];
      const [lastNode, lastOffset] = owners[cursor - 1];
      for (let index = firstNode; index <= lastNode; index += 1) {
        const start = index === firstNode ? firstOffset : 0;
        const end = index === lastNode ? lastOffset + 1 : nodes[index].nodeValue.length;
        pieces.push({ index, start, end, number });
      }
    });
    // Wrap from the end so earlier offsets in the same node stay right.
    pieces.reverse().forEach(({ index, start, end, number }) => {
      const node = nodes[index];
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      const span = document.createElement("span");
      span.className = "narration-sentence";
      span.dataset.sentence = String(number);
      range.surroundContents(span);
    });
  }

  function load() {
    if (!player.dataset.timings) return Promise.resolve([]);
    if (!loading) {
      loading = fetch(player.dataset.timings)
        .then((response) => (response.ok ? response.json() : { sentences: [] }))
        .then((data) => {
          sentences = data.sentences || [];
          markSentences(sentences);
          region.classList.add("is-narrated");
          return sentences;
        })
        .catch(() => {
          sentences = [];
          return sentences;
        });
    }
    return loading;
  }

  function show(number) {
    if (number === current) return;
    region.querySelectorAll(".narration-sentence.is-reading").forEach((span) => {
      span.classList.remove("is-reading");
    });
    current = number;
    region.querySelectorAll(`.narration-sentence[data-sentence="${number}"]`).forEach((span) => {
      span.classList.add("is-reading");
    });
  }

  audio.addEventListener("play", load);
  audio.addEventListener("timeupdate", () => {
    if (!sentences) return;
    const time = audio.currentTime;
    if (stopAt !== null && time >= stopAt) {
      stopAt = null;
      audio.pause();
    }
    const number = sentences.findIndex((sentence) => time >= sentence.start && time < sentence.end + 0.3);
    show(number);
  });
  audio.addEventListener("ended", () => show(-1));

  region.addEventListener("click", (event) => {
    const span = event.target.closest(".narration-sentence");
    if (!span || !sentences || event.target.closest("a, button, input, label, summary")) return;
    const sentence = sentences[Number(span.dataset.sentence)];
    if (!sentence) return;
    audio.currentTime = sentence.start;
    stopAt = sentence.end;
    audio.play();
  });
})();
