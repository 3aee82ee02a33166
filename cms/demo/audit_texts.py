"""Demo texts of the data story "City integration audit of Sofia" and its two parts, the
integration lab and the City Integration Agenda, in Bulgarian (the source) and English.

The figures and sources are those of the audit's infographics (INTEGRA project, Sofia
2018-2019; see the project's seeds); the sentences are written for this platform. Other
languages fall back to English, then Bulgarian, until translators add them.
"""

Text = dict[str, str]

AUDIT_SOURCE: Text = {
    "bg": "Градски интеграционен одит за София",
    "en": "City Integration Audit for Sofia",
}
AUDIT_URL = "http://www.integra-net.eu"

DISCLAIMER: Text = {
    "bg": (
        "Одитът е част от проекта INTEGRA, финансиран от фонд „Убежище, миграция и интеграция“ "
        "на Европейския съюз. Европейската комисия не отговаря за начина, по който някой "
        "използва информацията на тази страница."
    ),
    "en": (
        "The audit is part of the INTEGRA project, funded by the European Union's Asylum, "
        "Migration and Integration Fund. The European Commission cannot be held responsible "
        "for how anyone uses the information on this page."
    ),
}

SOURCES: list[dict] = [
    {"title": AUDIT_SOURCE, "url": AUDIT_URL},
    {
        "title": {
            "bg": "Институт „Отворено общество“ – София, годишен доклад за 2016 г.",
            "en": "Open Society Institute – Sofia, annual report 2016",
        },
        "url": "",
    },
    {
        "title": {
            "bg": "Министерство на вътрешните работи, статистика за 2015, 2016 и 2017 г.",
            "en": "Ministry of the Interior, crime statistics for 2015, 2016 and 2017",
        },
        "url": "",
    },
]

AUDIT: dict = {
    "slug": {"bg": "gradski-integratsionen-odit", "en": "city-integration-audit"},
    "title": {
        "bg": "Градски интеграционен одит на София",
        "en": "City integration audit of Sofia",
    },
    "intro": {
        "bg": "Как живеят чужденците в София? Градът събра факти и попита хората.",
        "en": "How do foreigners live in Sofia? The city gathered facts and asked people.",
    },
    "body": [
        (
            "rich_text",
            [
                (
                    "p",
                    {
                        "bg": "През 2018 и 2019 г. София изпробва нов начин да види какво "
                        "върви добре и какво не при приобщаването на хора от държави извън ЕС.",
                        "en": "In 2018 and 2019, Sofia tried a new way to see what works and "
                        "what does not when people from outside the EU make the city their home.",
                    },
                ),
                (
                    "p",
                    {
                        "bg": "Общината, местни общности, експерти и мигранти заедно описаха "
                        "успехите и трудностите. Над 1000 души участваха пряко. Всеки пети от "
                        "тях е мигрант.",
                        "en": "The city, local communities, experts and migrants described the "
                        "successes and problems together. More than 1,000 people took part "
                        "directly. One in five of them is a migrant.",
                    },
                ),
                (
                    "p",
                    {
                        "bg": "С метода „фотоглас“ (photovoice) участниците снимаха места и "
                        "моменти, свързани с темите на одита.",
                        "en": "With 'photovoice', participants took photos of places and moments "
                        "linked to the audit's themes.",
                    },
                ),
                ("h2", {"bg": "Хората в София", "en": "The people of Sofia"}),
            ],
        ),
        (
            "statistic",
            {
                "value": "1.3",
                "unit": {"bg": "милиона", "en": "million"},
                "label": {"bg": "души живеят в София", "en": "people live in Sofia"},
                "year": "",
            },
        ),
        (
            "statistic",
            {
                "value": "2.5",
                "unit": {"bg": "%", "en": "%"},
                "label": {
                    "bg": "от хората в София са чужденци",
                    "en": "of the people in Sofia are foreigners",
                },
                "year": "",
            },
        ),
        (
            "chart",
            {
                "title": {
                    "bg": "Жителите на София по гражданство",
                    "en": "Sofia's people by citizenship",
                },
                "description": {
                    "bg": "Чужденците са 2,5% от хората в София. Останалите 97,5% са "
                    "български граждани.",
                    "en": "Foreigners are 2.5% of the people in Sofia. The other 97.5% are "
                    "Bulgarian citizens.",
                },
                "chart_type": "pie",
                "unit": {"bg": "%", "en": "%"},
                "labels": [
                    {"bg": "Български граждани", "en": "Bulgarian citizens"},
                    {"bg": "Чужденци", "en": "Foreigners"},
                ],
                "series": [
                    {
                        "label": {"bg": "Дял от жителите", "en": "Share of the people"},
                        "values": ["97.5", "2.5"],
                    }
                ],
                "year": "",
            },
        ),
        ("rich_text", [("h2", {"bg": "Образование", "en": "Education"})]),
        (
            "statistic",
            {
                "value": "12916",
                "unit": {"bg": "", "en": ""},
                "label": {
                    "bg": "чуждестранни студенти учат в България",
                    "en": "foreign students study in Bulgaria",
                },
                "year": "2016/2017",
            },
        ),
        (
            "statistic",
            {
                "value": "5",
                "unit": {"bg": "%", "en": "%"},
                "label": {
                    "bg": "от всички студенти в България са чужденци (приблизително)",
                    "en": "of all students in Bulgaria are foreigners (about)",
                },
                "year": "2016/2017",
            },
        ),
        (
            "chart",
            {
                "title": {
                    "bg": "Магистри и докторанти: всички и чужденци",
                    "en": "Master's and doctoral students: all and foreigners",
                },
                "description": {
                    "bg": "От 6500 магистри след средно образование 2002 са чужденци. От 6738 "
                    "докторанти в България 503 са чужденци. В София чужденците са 302 от "
                    "3998 докторанти.",
                    "en": "Of 6,500 master's students who enrolled after secondary school, "
                    "2,002 are foreigners. Of 6,738 doctoral students in Bulgaria, 503 are "
                    "foreigners. In Sofia, 302 of 3,998 doctoral students are foreigners.",
                },
                "chart_type": "bar",
                "unit": {"bg": "души", "en": "people"},
                "labels": [
                    {
                        "bg": "Магистри след средно образование",
                        "en": "Master's students after secondary school",
                    },
                    {"bg": "Докторанти в България", "en": "Doctoral students in Bulgaria"},
                    {"bg": "Докторанти в София", "en": "Doctoral students in Sofia"},
                ],
                "series": [
                    {
                        "label": {"bg": "Всички", "en": "All"},
                        "values": ["6500", "6738", "3998"],
                    },
                    {
                        "label": {"bg": "От тях чужденци", "en": "Of them foreigners"},
                        "values": ["2002", "503", "302"],
                    },
                ],
                "year": "",
            },
        ),
        ("rich_text", [("h2", {"bg": "Безопасност", "en": "Safety"})]),
        (
            "chart",
            {
                "title": {
                    "bg": "Колко жители свързват думата „заплаха“ с чужденец",
                    "en": "How many residents link the word 'threat' with a foreigner",
                },
                "description": {
                    "bg": "През 2014 г. 5,1% от анкетираните жители на София свързват думата "
                    "„заплаха“ с чужденец. През 2016 г. те са 6,5%.",
                    "en": "In 2014, 5.1% of the Sofia residents asked linked the word 'threat' "
                    "with a foreigner. In 2016, it was 6.5%.",
                },
                "chart_type": "line",
                "unit": {"bg": "%", "en": "%"},
                "labels": [{"bg": "2014", "en": "2014"}, {"bg": "2016", "en": "2016"}],
                "series": [
                    {
                        "label": {"bg": "Анкетирани жители", "en": "Residents asked"},
                        "values": ["5.1", "6.5"],
                    }
                ],
                "year": "2014, 2016",
            },
        ),
        (
            "rich_text",
            [
                (
                    "h3",
                    {
                        "bg": "Как се събират данни за престъпленията от омраза",
                        "en": "How data on hate crimes is collected",
                    },
                ),
                (
                    "p",
                    {
                        "bg": "Одитът описва три нива на данните:",
                        "en": "The audit describes three levels of data:",
                    },
                ),
                (
                    "li",
                    {
                        "bg": "Пълни данни: отчитат се различни предразсъдъци, мотиви и видове "
                        "престъпления. Данните винаги се публикуват.",
                        "en": "Full data: different prejudices, motives and kinds of crime are "
                        "reported. The data is always published.",
                    },
                ),
                (
                    "li",
                    {
                        "bg": "Добри данни: отчитат се различни мотиви. Данните обикновено се "
                        "публикуват.",
                        "en": "Good data: different motives are reported. The data is usually "
                        "published.",
                    },
                ),
                (
                    "li",
                    {
                        "bg": "Ограничени данни: отчитат се малко престъпления и малко причини. "
                        "Данните рядко се публикуват.",
                        "en": "Limited data: few crimes and few motives are reported. The data "
                        "is rarely published.",
                    },
                ),
            ],
        ),
    ],
}

LAB: dict = {
    "slug": {"bg": "integratsionna-laboratoria", "en": "integration-lab"},
    "title": {"bg": "Интеграционна лаборатория", "en": "Integration lab"},
    "intro": {
        "bg": "След одита експерти от много области търсиха отговори заедно.",
        "en": "After the audit, experts from many fields looked for answers together.",
    },
    "body": [
        (
            "rich_text",
            [
                (
                    "p",
                    {
                        "bg": "В лабораторията работиха хора от заетостта, образованието, "
                        "градското развитие, сигурността и други области.",
                        "en": "People from employment, education, urban development, security "
                        "and other fields worked in the lab.",
                    },
                ),
                (
                    "p",
                    {
                        "bg": "Те взеха въпросите, които одитът откри:",
                        "en": "They took the questions the audit found:",
                    },
                ),
                ("li", {"bg": "сигурността в града;", "en": "safety in the city;"}),
                ("li", {"bg": "живота заедно;", "en": "living together;"}),
                ("li", {"bg": "културното многообразие.", "en": "cultural diversity."}),
                (
                    "p",
                    {
                        "bg": "Лабораторията написа сценарии: как миграцията може да промени "
                        "София в бъдеще.",
                        "en": "The lab wrote scenarios: how migration may change Sofia in the "
                        "future.",
                    },
                ),
            ],
        ),
    ],
}

AGENDA: dict = {
    "slug": {"bg": "gradska-programa-za-integratsia", "en": "city-integration-agenda"},
    "title": {"bg": "Градска програма за интеграция", "en": "City Integration Agenda"},
    "intro": {
        "bg": "Програмата е резултатът от одита и лабораторията.",
        "en": "The agenda is the result of the audit and the lab.",
    },
    "body": [
        (
            "rich_text",
            [
                (
                    "p",
                    {
                        "bg": "Тя дава на града обща основа за трудните въпроси, които носи "
                        "миграцията.",
                        "en": "It gives the city a shared basis for the hard questions that "
                        "migration brings.",
                    },
                ),
                (
                    "p",
                    {
                        "bg": "Тя се опира на това, което над 1000 души казаха по време на одита.",
                        "en": "It builds on what more than 1,000 people said during the audit.",
                    },
                ),
            ],
        ),
    ],
}

# Everything the translations are made from (cms.demo.helpers.build_catalog searches it through).
CATALOG = [AUDIT, LAB, AGENDA, SOURCES, DISCLAIMER, AUDIT_SOURCE]
