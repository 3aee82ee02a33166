"""The easy-language checker on real short texts. No database: the checker is pure Python."""

import subprocess
import sys

import pytest

from learning import easy_language
from learning.easy_language import text
from tests.conftest import PROJECT_DIR

# Easy: what a first-year learner can read (short sentences, everyday words).
EASY = {
    "bg": "Наберете 112, когато има опасност. Обаждането е безплатно.\n\n"
    "Кажете какво се е случило. Кажете адреса си.",
    "en": "Call 112 when there is danger. The call is free.\n\n"
    "Say what happened. Say your address.",
    "ar": "اتصل بالرقم 112 عندما يكون هناك خطر. المكالمة مجانية.\n\nقل ماذا حدث. قل عنوانك.",
    "uk": "Телефонуйте 112, коли є небезпека. Дзвінок безкоштовний.\n\n"
    "Скажіть, що сталося. Назвіть свою адресу.",
}

# Hard: one long official sentence full of long words, as legal notices are written.
HARD = {
    "bg": "Съгласно разпоредбите на действащото законодателство гражданите на трети държави, "
    "пребиваващи продължително на територията на Република България, са задължени "
    "своевременно да уведомяват компетентните административни органи за всяка промяна "
    "в обстоятелствата, свързани с тяхното местопребиваване и здравноосигурителен статус.",
    "en": "In accordance with the applicable legislation, third-country nationals residing "
    "on a long-term basis within the territory of the Republic of Bulgaria are obliged to "
    "notify the competent administrative authorities immediately of any modification in "
    "circumstances concerning their registered residence, employment or insurance status.",
    "ar": "وفقاً للأحكام التشريعية السارية، يتوجب على مواطني الدول الثالثة المقيمين "
    "إقامةً طويلةً على أراضي جمهورية بلغاريا إخطارُ السلطات الإدارية المختصة "
    "بصورةٍ فوريةٍ بأي تغييرٍ يطرأ على الظروف المتعلقة بمحل إقامتهم ووضعهم التأميني "
    "والوظيفي وفقاً للإجراءات المعمول بها.",
    "uk": "Відповідно до положень чинного законодавства громадяни третіх країн, які "
    "тривалий час перебувають на території Республіки Болгарія, зобов'язані своєчасно "
    "повідомляти компетентні адміністративні органи про будь-яку зміну обставин, "
    "пов'язаних з їхнім місцеперебуванням і статусом медичного страхування.",
}


@pytest.mark.parametrize("language", ["bg", "en", "ar", "uk"])
def test_short_everyday_sentences_are_easy(language):
    report = easy_language.check(EASY[language], language)

    assert report.grade == easy_language.EASY
    assert report.score >= 90
    assert report.issues == ()
    assert len(report.sentences) == 4
    assert report.paragraph_words == (
        sum(s.words for s in report.sentences if s.paragraph == 0),
        sum(s.words for s in report.sentences if s.paragraph == 1),
    )


@pytest.mark.parametrize("language", ["bg", "en", "ar", "uk"])
def test_a_long_official_sentence_is_hard_and_says_why(language):
    report = easy_language.check(HARD[language], language)

    assert report.grade == easy_language.HARD
    assert report.score < 60
    codes = {issue.code for issue in report.issues}
    assert easy_language.SENTENCE_TOO_LONG in codes
    too_long = next(i for i in report.issues if i.code == easy_language.SENTENCE_TOO_LONG)
    assert too_long.text == report.sentences[0].text
    assert too_long.value == report.sentences[0].words > too_long.limit


def test_a_text_with_some_long_sentences_needs_work():
    long_everyday_sentence = (
        "When your child is ill at night and you do not know what to do, you can call the "
        "doctor on the phone, and the doctor will tell you if you should go to the hospital "
        "or stay at home with your child."
    )
    mixed = EASY["en"] + "\n\n" + long_everyday_sentence

    report = easy_language.check(mixed, "en")

    assert report.grade == easy_language.NEEDS_WORK
    assert 60 <= report.score < 80


def test_long_words_use_syllables_where_pyphen_has_a_dictionary():
    bulgarian = easy_language.check("Здравноосигурителен статус и документи.", "bg")
    assert bulgarian.long_words == ("Здравноосигурителен",)  # документи: four syllables

    english = easy_language.check("Registration information for the school.", "en")
    assert english.long_words == ("Registration", "information")

    ukrainian = easy_language.check("Реєстрація і документи.", "uk")
    assert ukrainian.long_words == ("Реєстрація",)  # ре-є-стра-ці-я: five


def test_long_words_use_letters_where_there_is_no_dictionary():
    turkish = easy_language.check("Belediyelerimizdekilerden biri geldi.", "tr")
    assert turkish.long_words == ("Belediyelerimizdekilerden",)

    arabic = easy_language.check("وللمستشفيات الحكومية أبواب.", "ar")
    assert arabic.long_words == ("وللمستشفيات",)

    # Numbers are never long words.
    assert easy_language.check("Call 1234567890123.", "en").long_words == ()


def test_too_many_long_words_in_one_sentence_is_an_issue():
    report = easy_language.check("Information registration documentation arrives.", "en")

    issue = next(i for i in report.issues if i.code == easy_language.TOO_MANY_LONG_WORDS)
    assert issue.value == 3 and issue.limit == 2
    assert issue.long_words == ("Information", "registration", "documentation")


def test_a_long_paragraph_is_an_issue():
    paragraph = " ".join(["Това е кратко изречение."] * 7)

    report = easy_language.check(paragraph, "bg")

    issue = next(i for i in report.issues if i.code == easy_language.PARAGRAPH_TOO_LONG)
    assert issue.value == 7 and issue.limit == 5
    assert report.grade == easy_language.EASY  # one long paragraph is not a hard text


@pytest.mark.parametrize(
    ("language", "paragraph", "expected"),
    [
        # Arabic question mark ends a sentence; the Arabic comma does not.
        (
            "ar",
            "هل لديك وثيقة؟ نعم، لدي واحدة. شكراً!",
            ["هل لديك وثيقة؟", "نعم، لدي واحدة.", "شكراً!"],
        ),
        # Persian full stop (U+06D4) and question mark.
        ("fa", "آیا مدرک دارید؟ بله، دارم۔ ممنون.", ["آیا مدرک دارید؟", "بله، دارم۔", "ممنون."]),
        # Abbreviations, a decimal point and closing quotes.
        (
            "bg",
            "Живея на ул. „Раковски“ 12. Таксата е 2.5 лв. на месец. „Ясно ли е?“ Да.",
            ["Живея на ул. „Раковски“ 12.", "Таксата е 2.5 лв. на месец.", "„Ясно ли е?“", "Да."],
        ),
        (
            "en",
            "Dr. Smith lives here, e.g. in flat 4. It costs 2.5 euros! Go now…",
            ["Dr. Smith lives here, e.g. in flat 4.", "It costs 2.5 euros!", "Go now…"],
        ),
        ("uk", "Це вул. Хрещатик. Здоров'я важливе.", ["Це вул. Хрещатик.", "Здоров'я важливе."]),
        (
            "ru",
            "Встреча в 10 ч. утра. А. Петров придёт.",
            ["Встреча в 10 ч. утра.", "А. Петров придёт."],
        ),
        ("tr", "Dr. Ayşe geldi. Çok güzel!", ["Dr. Ayşe geldi.", "Çok güzel!"]),
    ],
)
def test_sentences_split_by_each_languages_rules(language, paragraph, expected):
    assert text.sentences(paragraph, language) == expected


def test_words_keep_apostrophes_hyphens_and_farsi_joiners_inside():
    assert text.words("Здоров'я, д-р Іванов") == ["Здоров'я", "д-р", "Іванов"]
    assert text.words("ما می‌نویسیم.") == ["ما", "می‌نویسیم"]


def test_paragraphs_are_separated_by_blank_lines():
    assert text.paragraphs("Първи ред\nвтори ред.\n\n\nНов абзац.") == [
        "Първи ред втори ред.",
        "Нов абзац.",
    ]


def test_an_empty_text_has_nothing_hard_in_it():
    report = easy_language.check("   \n\n ", "bg")

    assert (report.score, report.grade, report.sentences) == (100, easy_language.EASY, ())


def test_thresholds_can_be_overridden_per_language():
    strict = easy_language.thresholds_for("bg", {"bg": {"max_words_per_sentence": 3}})

    report = easy_language.check(EASY["bg"], "bg", thresholds=strict)

    assert strict.max_words_per_sentence == 3
    assert any(i.code == easy_language.SENTENCE_TOO_LONG for i in report.issues)
    assert easy_language.thresholds_for("pt-BR").long_word_letters == 12  # the generic fallback
    with pytest.raises(ValueError, match="max_words"):
        easy_language.thresholds_for("bg", {"bg": {"max_words": 5}})


def test_the_checker_needs_no_django():
    code = (
        "import sys, learning.easy_language as e; "
        "r = e.check('Short text. Easy to read.', 'en'); "
        "assert r.grade == 'easy'; "
        "assert not [m for m in sys.modules if m.startswith('django')], 'django imported'"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT_DIR, capture_output=True, text=True
    )

    assert result.returncode == 0, result.stderr
