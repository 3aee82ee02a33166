"""Demo stories and the World Refugee Month campaign.

Facts come from the project's source documents (Sofia's INTEGRA audit and the campaign
during World Refugee Month, with its four videos); the wording is written for this
platform, in Bulgarian and English. The source documents name the campaign's events but
give no dates or places: the dates below are illustrative, within June 2019. No quotes are
put in the mouths of the real people the videos show. Consent records are illustrative too.
"""

STORY_INDEX = {
    "slug": {
        "bg": "istorii",
        "en": "stories",
        "ar": "stories",
        "fa": "stories",
        "uk": "istorii",
        "ru": "istorii",
        "tr": "hikayeler",
    },
    "title": {
        "bg": "Истории",
        "en": "Stories",
        "ar": "قصص",
        "fa": "داستان‌ها",
        "uk": "Історії",
        "ru": "Истории",
        "tr": "Hikâyeler",
    },
    "intro": {
        "bg": "Хора, които дойдоха в България и намериха своето място тук.",
        "en": "People who came to Bulgaria and found their place here.",
        "ar": "أشخاص جاؤوا إلى بلغاريا ووجدوا مكانهم هنا.",
        "fa": "کسانی که به بلغارستان آمدند و جای خود را اینجا پیدا کردند.",
        "uk": "Люди, які приїхали до Болгарії і знайшли тут своє місце.",
        "ru": "Люди, которые приехали в Болгарию и нашли здесь своё место.",
        "tr": "Bulgaristan'a gelip burada kendine yer bulan insanlar.",
    },
}

CAMPAIGN_INDEX = {
    "slug": {
        "bg": "kampanii",
        "en": "campaigns",
        "ar": "campaigns",
        "fa": "campaigns",
        "uk": "kampanii",
        "ru": "kampanii",
        "tr": "kampanyalar",
    },
    "title": {
        "bg": "Кампании",
        "en": "Campaigns",
        "ar": "حملات",
        "fa": "کمپین‌ها",
        "uk": "Кампанії",
        "ru": "Кампании",
        "tr": "Kampanyalar",
    },
    "intro": {
        "bg": "Кампании срещу митовете за бежанците и мигрантите.",
        "en": "Campaigns against myths about refugees and migrants.",
        "ar": "حملات ضد الأفكار الخاطئة عن اللاجئين والمهاجرين.",
        "fa": "کمپین‌هایی علیه باورهای نادرست درباره پناهندگان و مهاجران.",
        "uk": "Кампанії проти міфів про біженців і мігрантів.",
        "ru": "Кампании против мифов о беженцах и мигрантах.",
        "tr": "Mülteciler ve göçmenler hakkındaki yanlış inanışlara karşı kampanyalar.",
    },
}

THEMES = {
    "sport": {
        "bg": "Спорт",
        "en": "Sport",
        "ar": "الرياضة",
        "fa": "ورزش",
        "uk": "Спорт",
        "ru": "Спорт",
        "tr": "Spor",
    },
    "education": {
        "bg": "Образование",
        "en": "Education",
        "ar": "التعليم",
        "fa": "آموزش",
        "uk": "Освіта",
        "ru": "Образование",
        "tr": "Eğitim",
    },
    "family": {
        "bg": "Семейство",
        "en": "Family",
        "ar": "العائلة",
        "fa": "خانواده",
        "uk": "Родина",
        "ru": "Семья",
        "tr": "Aile",
    },
    "community": {
        "bg": "Общност",
        "en": "Community",
        "ar": "المجتمع",
        "fa": "جامعه",
        "uk": "Громада",
        "ru": "Сообщество",
        "tr": "Topluluk",
    },
    "culture": {
        "bg": "Култура",
        "en": "Culture",
        "ar": "الثقافة",
        "fa": "فرهنگ",
        "uk": "Культура",
        "ru": "Культура",
        "tr": "Kültür",
    },
}

ORGANISATIONS = {
    "unhcr": {
        "name": {"bg": "ВКБООН – България", "en": "UNHCR Bulgaria"},
        "link": "https://www.unhcr.org/bg/",
        "description": {
            "bg": "Агенцията на ООН за бежанците. Направи видеата срещу митовете в метрото.",
            "en": "The UN Refugee Agency. It made the myth-busting videos for the metro.",
        },
    },
    "red-cross": {
        "name": {"bg": "Български Червен кръст", "en": "Bulgarian Red Cross"},
        "link": "https://www.redcross.bg/",
        "description": {
            "bg": "Показа истории за успешна интеграция на екраните в трамваите.",
            "en": "It showed stories of successful integration on the tram screens.",
        },
    },
    "caritas": {
        "name": {"bg": "Каритас България", "en": "Caritas Bulgaria"},
        "link": "https://caritas.bg/",
        "description": {
            "bg": "Поддържа интеграционния център „Св. Анна“ в София.",
            "en": "It runs the St. Ana Integration Center in Sofia.",
        },
    },
    "sofia-development": {
        "name": {"bg": "Асоциация за развитие на София", "en": "Sofia Development Association"},
        "link": "",
        "description": {
            "bg": "Партньор по градския одит на интеграцията INTEGRA.",
            "en": "A partner of the INTEGRA city integration audit.",
        },
    },
    "riskmonitor": {
        "name": {"bg": "Рискмонитор", "en": "RiskMonitor"},
        "link": "",
        "description": {
            "bg": "Направи филма „Ние, другите“ по проекта INTEGRA.",
            "en": "It made the film “We, the Others” for the INTEGRA project.",
        },
    },
    "sofia-university": {
        "name": {
            "bg": "Факултет по журналистика и масова комуникация, Софийски университет",
            "en": "Faculty of Journalism and Mass Communication, Sofia University",
        },
        "link": "https://www.uni-sofia.bg/",
        "description": {
            "bg": "Студентите му направиха книгата и видеото „Отвъд бариерите“.",
            "en": "Its students made the book and the video “Beyond the Barriers”.",
        },
    },
    "sofia-municipality": {
        "name": {"bg": "Столична община", "en": "Sofia Municipality"},
        "link": "https://www.sofia.bg/",
        "description": {
            "bg": "Градът проведе одита на интеграцията и кампанията.",
            "en": "The city ran the integration audit and the campaign.",
        },
    },
}

# consent: the uses it was given for (web, screens, partners)
STORIES = [
    {
        "key": "olympic-dream",
        "slug": {"bg": "olimpiyska-mechta", "en": "olympic-dream"},
        "title": {"bg": "Олимпийска мечта", "en": "Olympic Dream"},
        "person_name": {"bg": "Кожа", "en": "Kozha"},
        "country_of_origin": {"bg": "Сирия", "en": "Syria"},
        "occupation": {
            "bg": "Учи дентална медицина и тренира бокс и лека атлетика.",
            "en": "Studies dental medicine and trains in boxing and athletics.",
        },
        "body": [
            {
                "bg": "Кожа дойде в България като бежанец от Сирия. Днес учи дентална медицина.",
                "en": "Kozha came to Bulgaria as a refugee from Syria. Today he studies "
                "dental medicine.",
            },
            {
                "bg": "В свободното си време тренира бокс и лека атлетика. Мечтаеше да бъде "
                "в олимпийския отбор на бежанците в Токио през 2020 г.",
                "en": "In his free time he trains in boxing and athletics. He dreamt of a place "
                "in the Refugee Olympic Team in Tokyo in 2020.",
            },
        ],
        "video": "https://www.facebook.com/UNHCRBulgaria/videos/828226607636963/",
        "partner": "unhcr",
        "themes": ["sport", "education"],
        "consent": ["web", "screens", "partners"],
    },
    {
        "key": "we-the-others",
        "slug": {"bg": "nie-drugite", "en": "we-the-others"},
        "title": {"bg": "Ние, другите", "en": "We, the Others"},
        "person_name": {
            "bg": "Ли Дзяи, Мехрдад Мехдади, Линда Маккензи-Петкова и Ситара Бакирова",
            "en": "Lee Jiayi, Mehrdad Mehdadi, Linda Mckenzie-Petkova and Sitara Bakirova",
        },
        "country_of_origin": {
            "bg": "Китай, Иран, Канада и Казахстан",
            "en": "China, Iran, Canada and Kazakhstan",
        },
        "occupation": {
            "bg": "Живеят в България и разказват какво е да си чужденец тук.",
            "en": "They live in Bulgaria and tell what it is like to be a foreigner here.",
        },
        "body": [
            {
                "bg": "Кратък документален филм пита четирима мигранти какво е да живееш "
                "в България.",
                "en": "A short documentary asks four migrants what it is like to live in Bulgaria.",
            },
            {
                "bg": "Филмът е на „Рискмонитор“ по проекта INTEGRA. Проектът е финансиран "
                "от фонд „Убежище, миграция и интеграция“ на ЕС.",
                "en": "RiskMonitor made it for the INTEGRA project. The EU's Asylum, Migration "
                "and Integration Fund paid for the project.",
            },
        ],
        "video": "https://www.youtube.com/watch?v=PsKrlxjdJYw",
        "partner": "riskmonitor",
        "themes": ["community"],
        "consent": ["web", "screens", "partners"],
    },
    {
        "key": "st-ana",
        "slug": {"bg": "tsentar-sveta-anna", "en": "st-ana-center"},
        "title": {"bg": "Център „Св. Анна“", "en": "St. Ana Center"},
        "person_name": {"bg": "Семейство от Сирия", "en": "A family from Syria"},
        "country_of_origin": {"bg": "Сирия", "en": "Syria"},
        "occupation": {
            "bg": "Изграждат нов живот в България с помощта на център „Св. Анна“.",
            "en": "They are building a new life in Bulgaria with help from the St. Ana Center.",
        },
        "body": [
            {
                "bg": "Видеото показва пътя на бежанско семейство от Сирия. "
                "Виждаме го през очите на самото семейство.",
                "en": "The video shows the path of a refugee family from Syria. "
                "We see it through the family's own eyes.",
            },
            {
                "bg": "Интеграционният център „Св. Анна“ на „Каритас България“ им помага "
                "да започнат отначало. Видеото е направено по проекта SAFERR.",
                "en": "Caritas Bulgaria's St. Ana Integration Center helps them start again. "
                "The video was made for the SAFERR project.",
            },
        ],
        "video": "https://www.youtube.com/watch?time_continue=11&v=hs3siBZLriU",
        "partner": "caritas",
        "themes": ["family", "community"],
        "consent": ["web", "screens", "partners"],
    },
    {
        "key": "beyond-the-barriers",
        "slug": {"bg": "otvad-barierite", "en": "beyond-the-barriers"},
        "title": {"bg": "Отвъд бариерите", "en": "Beyond the Barriers"},
        "person_name": {"bg": "Студенти по книгоиздаване", "en": "Book-publishing students"},
        "country_of_origin": {
            "bg": "Истории от Афганистан, Сирия, Ирак, Иран и Сомалия",
            "en": "Stories from Afghanistan, Syria, Iraq, Iran and Somalia",
        },
        "occupation": {
            "bg": "Студенти от втори курс направиха книга с истории на мигранти и бежанци.",
            "en": "Second-year students made a book of migrants' and refugees' stories.",
        },
        "body": [
            {
                "bg": "Студентите учат книгоиздаване в Софийския университет. Те събраха "
                "истории на хора от Афганистан, Сирия, Ирак, Иран и Сомалия.",
                "en": "The students learn book publishing at Sofia University. They collected "
                "the stories of people from Afghanistan, Syria, Iraq, Iran and Somalia.",
            },
            {
                "bg": "От историите направиха книга. Заедно с факултета заснеха и видео.",
                "en": "They turned the stories into a book. With their faculty they also made "
                "a video.",
            },
        ],
        "video": "https://www.facebook.com/UNHCRBulgaria/videos/1142296205974334/",
        "partner": "sofia-university",
        "themes": ["education", "culture"],
        # Shown on the web and to partners, but not on screens in public transport.
        "consent": ["web", "partners"],
    },
]

# Two tiny clips the demo command generates with ffmpeg, captioned in bg and en.
CLIPS = [
    {
        "key": "metro",
        "file": "myth-or-fact.webm",
        "title": "Мит или факт? (екрани в метрото)",
        "captions": {
            "bg": ["Мит: бежанците идват заради парите.", "Факт: бежанците бягат от война."],
            "en": ["Myth: refugees come for the money.", "Fact: refugees flee war."],
        },
    },
    {
        "key": "tram",
        "file": "a-new-home.mp4",
        "title": "Нов дом в София (екрани в трамваите)",
        "captions": {
            "bg": ["Кожа учи дентална медицина в София.", "Мечтае за олимпийските игри."],
            "en": ["Kozha studies dental medicine in Sofia.", "He dreams of the Olympic Games."],
        },
    },
]

CAMPAIGN = {
    "slug": {"bg": "svetoven-mesets-na-bezhantsite", "en": "world-refugee-month"},
    "title": {"bg": "Световен месец на бежанците", "en": "World Refugee Month"},
    "starts_on": "2019-06-01",
    "ends_on": "2019-06-30",
    "intro": {
        "bg": "През Световния месец на бежанците София показа видеа за бежанците в метрото "
        "и в трамваите.",
        "en": "During World Refugee Month, Sofia showed videos about refugees in the metro "
        "and on trams.",
    },
    "aims": [
        {
            "bg": "Да опровергаем често срещани митове за бежанците.",
            "en": "To counter common myths about refugees.",
        },
        {
            "bg": "Да покажем успешни истории на интеграция.",
            "en": "To show stories of successful integration.",
        },
        {
            "bg": "Да срещнем жителите на София с новите им съседи.",
            "en": "To bring Sofia's people together with their new neighbours.",
        },
    ],
    "partners": ["sofia-municipality", "unhcr", "red-cross", "caritas", "sofia-development"],
    "myths_and_facts": [
        {
            "myth": {
                "bg": "Бежанците са икономически мигранти.",
                "en": "Refugees are economic migrants.",
            },
            "fact": {
                "bg": "Бежанците бягат от война или преследване. "
                "Международното право им дава право на закрила.",
                "en": "Refugees flee war or persecution. "
                "International law gives them the right to protection.",
            },
            "source": {
                "bg": "Конвенция на ООН за статута на бежанците (1951)",
                "en": "UN Refugee Convention (1951)",
            },
        },
        {
            "myth": {
                "bg": "Мигрантите натоварват държавата.",
                "en": "Migrants are a burden on the state.",
            },
            "fact": {
                "bg": "Много мигранти работят, плащат данъци и откриват фирми. "
                "Чужденците са около 2,5% от жителите на София.",
                "en": "Many migrants work, pay taxes and start businesses. "
                "Foreigners are about 2.5% of Sofia's people.",
            },
            "source": {
                "bg": "Градски интеграционен одит за София",
                "en": "City Integration Audit for Sofia",
            },
        },
        {
            "myth": {"bg": "Чужденците са заплаха.", "en": "Foreigners are a threat."},
            "fact": {
                "bg": "През 2016 г. 6,5% от анкетираните жители на София свързват думата "
                "„заплаха“ с чужденец.",
                "en": "In 2016, 6.5% of Sofia residents asked linked the word “threat” "
                "with “foreigner”.",
            },
            "source": {
                "bg": "Градски интеграционен одит за София",
                "en": "City Integration Audit for Sofia",
            },
        },
    ],
    "events": [
        {
            "title": {
                "bg": "Срещи с омбудсмана на София",
                "en": "Information sessions with the Sofia ombudsperson",
            },
            "starts_at": "2019-06-12T10:00",
            "place": {
                "bg": "Центрове за интеграция на мигранти, София",
                "en": "Migrant integration centres, Sofia",
            },
            "description": {
                "bg": "Омбудсманът разказва на мигранти за правата им и къде да търсят помощ.",
                "en": "The ombudsperson tells migrants about their rights and where to get help.",
            },
        },
        {
            "title": {
                "bg": "Почистване на графити на омразата",
                "en": "Cleaning up hateful graffiti",
            },
            "starts_at": "2019-06-15T10:00",
            "place": {"bg": "Улици в центъра на София", "en": "Streets in central Sofia"},
            "description": {
                "bg": "Доброволци и жители заедно почистват графити с послания на омраза.",
                "en": "Volunteers and residents clean off graffiti with messages of hate.",
            },
        },
        {
            "title": {
                "bg": "Интервюта с мигранти, които избраха София",
                "en": "Interviews with migrants who chose Sofia",
            },
            "starts_at": "2019-06-20T18:00",
            "place": {"bg": "В медиите", "en": "In the media"},
            "description": {
                "bg": "Поредица интервюта с хора, които решиха да живеят в София.",
                "en": "A series of interviews with people who decided to live in Sofia.",
            },
        },
    ],
    "statistics": [
        {
            "value": "1.3",
            "unit": {"bg": "милиона", "en": "million"},
            "label": {"bg": "души живеят в София", "en": "people live in Sofia"},
            "year": "",
        },
        {
            "value": "2.5",
            "unit": {"bg": "%", "en": "%"},
            "label": {
                "bg": "от населението на София са чужденци",
                "en": "of Sofia's population are foreigners",
            },
            "year": "",
        },
        {
            "value": "12916",
            "unit": {"bg": "", "en": ""},
            "label": {
                "bg": "чуждестранни студенти в България, около 5% от всички студенти",
                "en": "foreign students in Bulgaria, about 5% of all students",
            },
            "year": "2016/2017",
        },
    ],
    "statistics_source": {
        "bg": "Градски интеграционен одит за София",
        "en": "City Integration Audit for Sofia",
    },
    "stories": ["olympic-dream", "we-the-others", "st-ana", "beyond-the-barriers"],
    "clips": ["metro", "tram"],
}
