/* Lessons without an account: quiz feedback inline, "mark as done" and course progress
   kept in this browser only (localStorage), glossary explanations in place. Everything
   works without this file too: the quiz then posts to the server, a glossary term opens the
   glossary page. */
(function () {
  "use strict";
  var STORE = "open-doors:lessons-done";

  function doneKeys() {
    try {
      var keys = JSON.parse(localStorage.getItem(STORE) || "[]");
      return Array.isArray(keys) ? keys : [];
    } catch (error) {
      return [];
    }
  }

  function setDone(key, done) {
    var keys = doneKeys().filter(function (k) { return k !== key; });
    if (done) keys.push(key);
    try {
      localStorage.setItem(STORE, JSON.stringify(keys));
    } catch (error) {
      /* Private mode or full storage: progress is simply not kept. */
    }
  }

  function checkQuiz(form, event) {
    event.preventDefault();
    var inputs = form.querySelectorAll("input[name=answer]");
    var feedback = form.querySelector(".quiz-feedback");
    var chosen = 0;
    var right = true;
    inputs.forEach(function (input) {
      if (input.checked) chosen += 1;
      if (input.checked !== (input.dataset.correct === "1")) right = false;
    });
    feedback.classList.remove("is-right", "is-wrong", "is-missing");
    if (chosen === 0) {
      feedback.textContent = form.dataset.missing;
      feedback.classList.add("is-missing");
      return;
    }
    feedback.textContent = right
      ? "✓ " + form.dataset.feedbackRight
      : "✗ " + form.dataset.feedbackWrong;
    feedback.classList.add(right ? "is-right" : "is-wrong");
  }

  function setUpDoneButton(box) {
    var key = box.dataset.lessonKey;
    var button = box.querySelector("[data-mark-done]");
    function show() {
      var done = doneKeys().indexOf(key) !== -1;
      button.setAttribute("aria-pressed", done ? "true" : "false");
      button.textContent = done ? button.dataset.labelDone : button.dataset.labelTodo;
    }
    button.addEventListener("click", function () {
      setDone(key, button.getAttribute("aria-pressed") !== "true");
      show();
    });
    box.hidden = false;
    show();
  }

  function showCourseProgress(summary) {
    var done = doneKeys();
    var count = 0;
    document.querySelectorAll(".course-lessons [data-lesson-key]").forEach(function (item) {
      var isDone = done.indexOf(item.dataset.lessonKey) !== -1;
      item.classList.toggle("is-done", isDone);
      item.querySelector(".done-mark").hidden = !isDone;
      if (isDone) count += 1;
    });
    summary.textContent = summary.dataset.template
      .replace("%(done)s", count)
      .replace("%(total)s", summary.dataset.total);
    summary.hidden = false;
  }

  /* A glossary term: tapped (or Enter when focused), its explanation opens in place, right
     after it; tapped again, it closes. Without this file the link opens the glossary. */
  var explained = 0;
  function toggleExplanation(link, event) {
    event.preventDefault();
    var shown = link.nextElementSibling;
    if (shown && shown.classList.contains("glossary-explanation")) {
      shown.remove();
      link.setAttribute("aria-expanded", "false");
      return;
    }
    explained += 1;
    var note = document.createElement("span");
    note.className = "glossary-explanation";
    note.id = "glossary-explanation-" + explained;
    note.setAttribute("role", "note");
    note.textContent = link.dataset.explanation;
    link.insertAdjacentElement("afterend", note);
    link.setAttribute("aria-expanded", "true");
    link.setAttribute("aria-controls", note.id);
  }
  document.querySelectorAll("a.glossary-term[data-explanation]").forEach(function (link) {
    link.setAttribute("aria-expanded", "false");
    link.addEventListener("click", function (event) { toggleExplanation(link, event); });
  });

  document.querySelectorAll("form[data-quiz]").forEach(function (form) {
    form.addEventListener("submit", function (event) { checkQuiz(form, event); });
  });
  document.querySelectorAll(".lesson-done[data-lesson-key]").forEach(setUpDoneButton);
  var summary = document.querySelector("[data-course-progress]");
  if (summary) showCourseProgress(summary);
})();
