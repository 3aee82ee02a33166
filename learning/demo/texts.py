"""Demo lessons, topics, the lesson index and a course.

Written for this platform in easy language, in the spirit of the 2IMINED project: short
sentences about life in the first year in a new country. Bulgarian is the source; English,
Arabic and Ukrainian are translations (Farsi, Russian and Turkish readers get the marked
English fallback, as the platform does for any missing translation). Facts are kept general
on purpose; a real deployment has its lessons checked by people who give this advice.
"""

Text = dict[str, str]

INDEX = {
    "slug": {
        "bg": "uroci",
        "en": "lessons",
        "ar": "lessons",
        "fa": "lessons",
        "uk": "uroky",
        "ru": "uroki",
        "tr": "dersler",
    },
    "title": {
        "bg": "Уроци",
        "en": "Lessons",
        "ar": "دروس",
        "fa": "درس‌ها",
        "uk": "Уроки",
        "ru": "Уроки",
        "tr": "Dersler",
    },
    "intro": {
        "bg": "Кратки уроци на лесен език за живота в България.",
        "en": "Short lessons in easy language about life in Bulgaria.",
        "ar": "دروس قصيرة بلغة سهلة عن الحياة في بلغاريا.",
        "fa": "درس‌های کوتاه به زبان ساده درباره زندگی در بلغارستان.",
        "uk": "Короткі уроки простою мовою про життя в Болгарії.",
        "ru": "Короткие уроки простым языком о жизни в Болгарии.",
        "tr": "Bulgaristan'da yaşam hakkında kolay dilde kısa dersler.",
    },
}

TOPICS: dict[str, Text] = {
    "documents": {
        "bg": "Документи и пребиваване",
        "en": "Documents and residence",
        "ar": "الوثائق والإقامة",
        "fa": "مدارک و اقامت",
        "uk": "Документи та проживання",
        "ru": "Документы и проживание",
        "tr": "Belgeler ve ikamet",
    },
    "work": {
        "bg": "Работа",
        "en": "Work",
        "ar": "العمل",
        "fa": "کار",
        "uk": "Робота",
        "ru": "Работа",
        "tr": "İş",
    },
    "health": {
        "bg": "Здраве",
        "en": "Health",
        "ar": "الصحة",
        "fa": "سلامت",
        "uk": "Здоров'я",
        "ru": "Здоровье",
        "tr": "Sağlık",
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
    "housing": {
        "bg": "Жилище",
        "en": "Housing",
        "ar": "السكن",
        "fa": "مسکن",
        "uk": "Житло",
        "ru": "Жильё",
        "tr": "Konut",
    },
    "transport": {
        "bg": "Транспорт",
        "en": "Transport",
        "ar": "المواصلات",
        "fa": "حمل و نقل",
        "uk": "Транспорт",
        "ru": "Транспорт",
        "tr": "Ulaşım",
    },
    "money": {
        "bg": "Пари",
        "en": "Money",
        "ar": "المال",
        "fa": "پول",
        "uk": "Гроші",
        "ru": "Деньги",
        "tr": "Para",
    },
    "everyday-life": {
        "bg": "Всекидневен живот",
        "en": "Everyday life",
        "ar": "الحياة اليومية",
        "fa": "زندگی روزمره",
        "uk": "Повсякденне життя",
        "ru": "Повседневная жизнь",
        "tr": "Gündelik yaşam",
    },
    "rights": {
        "bg": "Права и защита",
        "en": "Rights and protection",
        "ar": "الحقوق والحماية",
        "fa": "حقوق و حمایت",
        "uk": "Права та захист",
        "ru": "Права и защита",
        "tr": "Haklar ve koruma",
    },
    "language": {
        "bg": "Учене на езика",
        "en": "Learning the language",
        "ar": "تعلّم اللغة",
        "fa": "یادگیری زبان",
        "uk": "Вивчення мови",
        "ru": "Изучение языка",
        "tr": "Dil öğrenme",
    },
}

# Each lesson: slug, title, summary, level, topics and a body of blocks. In the body,
# "easy_text" holds paragraphs; quiz options are (text, is_correct).
LESSONS: list[dict] = [
    {
        "key": "documents",
        "level": "A1",
        "topics": ["documents"],
        "slug": {
            "bg": "pazete-dokumentite-si",
            "en": "keep-your-documents-safe",
            "ar": "keep-your-documents-safe",
            "uk": "berezhit-svoi-dokumenty",
        },
        "title": {
            "bg": "Пазете документите си",
            "en": "Keep your documents safe",
            "ar": "احفظ وثائقك في مكان آمن",
            "uk": "Бережіть свої документи",
        },
        "summary": {
            "bg": "Документите са много важни. В този урок ще научите как да ги пазите.",
            "en": "Your documents are very important. In this lesson you learn how to keep "
            "them safe.",
            "ar": "وثائقك مهمة جداً. في هذا الدرس تتعلم كيف تحفظها.",
            "uk": "Документи дуже важливі. У цьому уроці ви дізнаєтеся, як їх берегти.",
        },
        "body": [
            (
                "easy_text",
                [
                    {
                        "bg": "В България винаги носете документ за самоличност. "
                        "Полицията може да поиска да го види.",
                        "en": "In Bulgaria, always carry an identity document. "
                        "The police can ask to see it.",
                        "ar": "في بلغاريا احمل دائماً وثيقة هوية. قد تطلب الشرطة أن تراها.",
                        "uk": "У Болгарії завжди майте з собою документ, що посвідчує "
                        "особу. Поліція може попросити його показати.",
                    },
                    {
                        "bg": "Направете копия на всички документи. Пазете копията на друго място.",
                        "en": "Make copies of all your documents. "
                        "Keep the copies in a different place.",
                        "ar": "اصنع نسخاً من كل وثائقك. احفظ النسخ في مكان آخر.",
                        "uk": "Зробіть копії всіх документів. Зберігайте копії в іншому місці.",
                    },
                    {
                        "bg": "Снимайте документите си с телефона. "
                        "Така ще имате копие, ако ги загубите.",
                        "en": "Take photos of your documents with your phone. "
                        "Then you have a copy if you lose them.",
                        "ar": "صوّر وثائقك بهاتفك. هكذا تكون معك نسخة إذا فقدتها.",
                        "uk": "Сфотографуйте документи телефоном. "
                        "Так у вас буде копія, якщо ви їх загубите.",
                    },
                ],
            ),
            (
                "key_word",
                {
                    "word": {
                        "bg": "разрешение за пребиваване",
                        "en": "residence permit",
                        "ar": "تصريح الإقامة",
                        "uk": "дозвіл на проживання",
                    },
                    "explanation": {
                        "bg": "Документ, който показва, че можете да живеете в България.",
                        "en": "A document that shows you can live in Bulgaria.",
                        "ar": "وثيقة تُظهر أنه يمكنك العيش في بلغاريا.",
                        "uk": "Документ, який показує, що ви можете жити в Болгарії.",
                    },
                },
            ),
            (
                "step_by_step",
                {
                    "title": {
                        "bg": "Ако загубите документ",
                        "en": "If you lose a document",
                        "ar": "إذا فقدت وثيقة",
                        "uk": "Якщо ви загубили документ",
                    },
                    "steps": [
                        {
                            "bg": "Отидете веднага в полицията.",
                            "en": "Go to the police at once.",
                            "ar": "اذهب إلى الشرطة فوراً.",
                            "uk": "Одразу йдіть до поліції.",
                        },
                        {
                            "bg": "Кажете какво сте загубили и къде.",
                            "en": "Say what you lost and where.",
                            "ar": "قل ماذا فقدت وأين.",
                            "uk": "Скажіть, що ви загубили і де.",
                        },
                        {
                            "bg": "Поискайте писмена бележка от полицията.",
                            "en": "Ask the police for a written note.",
                            "ar": "اطلب من الشرطة ورقة مكتوبة.",
                            "uk": "Попросіть у поліції письмову довідку.",
                        },
                        {
                            "bg": "С тази бележка поискайте нов документ.",
                            "en": "Use this note to ask for a new document.",
                            "ar": "بهذه الورقة اطلب وثيقة جديدة.",
                            "uk": "З цією довідкою попросіть новий документ.",
                        },
                    ],
                },
            ),
            (
                "tip",
                {
                    "kind": "warning",
                    "text": {
                        "bg": "Никога не давайте оригиналния си документ на непознат човек.",
                        "en": "Never give your original document to a stranger.",
                        "ar": "لا تعطِ وثيقتك الأصلية لشخص غريب أبداً.",
                        "uk": "Ніколи не давайте оригінал документа незнайомій людині.",
                    },
                },
            ),
            (
                "quiz",
                {
                    "question": {
                        "bg": "Какво е добре да направите с документите си?",
                        "en": "What is good to do with your documents?",
                        "ar": "ما الأفضل أن تفعله بوثائقك؟",
                        "uk": "Що добре зробити зі своїми документами?",
                    },
                    "options": [
                        (
                            {
                                "bg": "Да направя копия и снимки.",
                                "en": "Make copies and photos.",
                                "ar": "أصنع نسخاً وصوراً.",
                                "uk": "Зробити копії та фото.",
                            },
                            True,
                        ),
                        (
                            {
                                "bg": "Да ги дам на съсед.",
                                "en": "Give them to a neighbour.",
                                "ar": "أعطيها لجار.",
                                "uk": "Віддати їх сусідові.",
                            },
                            False,
                        ),
                        (
                            {
                                "bg": "Да ги оставя в колата.",
                                "en": "Leave them in the car.",
                                "ar": "أتركها في السيارة.",
                                "uk": "Залишити їх в автомобілі.",
                            },
                            False,
                        ),
                    ],
                    "feedback_correct": {
                        "bg": "Точно така! Копията помагат, ако загубите документ.",
                        "en": "That is right! Copies help if you lose a document.",
                        "ar": "صحيح! النسخ تساعدك إذا فقدت وثيقة.",
                        "uk": "Саме так! Копії допомагають, якщо ви загубили документ.",
                    },
                    "feedback_incorrect": {
                        "bg": "Не съвсем. Пазете документите сами и имайте копия.",
                        "en": "Not quite. Keep your documents yourself and have copies.",
                        "ar": "ليس تماماً. احفظ وثائقك بنفسك واحتفظ بنسخ منها.",
                        "uk": "Не зовсім. Зберігайте документи самі й майте копії.",
                    },
                },
            ),
        ],
    },
    {
        "key": "emergency",
        "level": "A1",
        "topics": ["health", "rights"],
        "slug": {
            "bg": "speshen-nomer-112",
            "en": "emergency-number-112",
            "ar": "emergency-number-112",
            "uk": "ekstrenyi-nomer-112",
        },
        "title": {
            "bg": "Спешен номер 112",
            "en": "Emergency number 112",
            "ar": "رقم الطوارئ 112",
            "uk": "Екстрений номер 112",
        },
        "summary": {
            "bg": "Номерът 112 е безплатен. Можете да го наберете от всеки телефон.",
            "en": "The number 112 is free. You can call it from any phone.",
            "ar": "الرقم 112 مجاني. يمكنك الاتصال به من أي هاتف.",
            "uk": "Номер 112 безкоштовний. Ви можете набрати його з будь-якого телефону.",
        },
        "body": [
            (
                "easy_text",
                [
                    {
                        "bg": "Наберете 112, когато има опасност за живота. "
                        "Например при пожар, тежка болест или катастрофа.",
                        "en": "Call 112 when a life is in danger. "
                        "For example, a fire, a serious illness or a crash.",
                        "ar": "اتصل بالرقم 112 عندما تكون حياة في خطر. "
                        "مثلاً عند حريق أو مرض خطير أو حادث.",
                        "uk": "Телефонуйте 112, коли є небезпека для життя. "
                        "Наприклад, пожежа, важка хвороба або аварія.",
                    },
                    {
                        "bg": "Можете да говорите на български или на английски.",
                        "en": "You can speak Bulgarian or English.",
                        "ar": "يمكنك أن تتكلم بالبلغارية أو بالإنجليزية.",
                        "uk": "Ви можете говорити болгарською або англійською.",
                    },
                    {
                        "bg": "Обаждането е безплатно. Работи и без пари в телефона.",
                        "en": "The call is free. It works even with no money on your phone.",
                        "ar": "المكالمة مجانية. وهي تعمل حتى بدون رصيد في هاتفك.",
                        "uk": "Дзвінок безкоштовний. Він працює навіть без грошей на рахунку.",
                    },
                ],
            ),
            (
                "key_word",
                {
                    "word": {
                        "bg": "спешен случай",
                        "en": "emergency",
                        "ar": "حالة طارئة",
                        "uk": "надзвичайна ситуація",
                    },
                    "explanation": {
                        "bg": "Когато някой е в опасност и има нужда от помощ веднага.",
                        "en": "When someone is in danger and needs help at once.",
                        "ar": "عندما يكون شخص في خطر ويحتاج إلى مساعدة فوراً.",
                        "uk": "Коли хтось у небезпеці й потребує допомоги негайно.",
                    },
                },
            ),
            (
                "step_by_step",
                {
                    "title": {
                        "bg": "Какво да кажете",
                        "en": "What to say",
                        "ar": "ماذا تقول",
                        "uk": "Що сказати",
                    },
                    "steps": [
                        {
                            "bg": "Кажете какво се е случило.",
                            "en": "Say what happened.",
                            "ar": "قل ماذا حدث.",
                            "uk": "Скажіть, що сталося.",
                        },
                        {
                            "bg": "Кажете точния адрес.",
                            "en": "Say the exact address.",
                            "ar": "قل العنوان الدقيق.",
                            "uk": "Назвіть точну адресу.",
                        },
                        {
                            "bg": "Кажете името си.",
                            "en": "Say your name.",
                            "ar": "قل اسمك.",
                            "uk": "Назвіть своє ім'я.",
                        },
                        {
                            "bg": "Не затваряйте, докато операторът не ви каже.",
                            "en": "Do not hang up until the operator tells you.",
                            "ar": "لا تُنهِ المكالمة حتى يخبرك الموظف.",
                            "uk": "Не кладіть слухавку, поки оператор не скаже.",
                        },
                    ],
                },
            ),
            (
                "contact",
                {
                    "name": {
                        "bg": "Единен европейски номер за спешни повиквания",
                        "en": "European emergency number",
                        "ar": "رقم الطوارئ الأوروبي الموحد",
                        "uk": "Єдиний європейський номер екстреної допомоги",
                    },
                    "phone": "112",
                    "opening_hours": {
                        "bg": "Денонощно, всеки ден",
                        "en": "Day and night, every day",
                        "ar": "ليلاً ونهاراً، كل يوم",
                        "uk": "Цілодобово, щодня",
                    },
                },
            ),
            (
                "tip",
                {
                    "kind": "warning",
                    "text": {
                        "bg": "Не звънете на 112 за въпроси, които не са спешни.",
                        "en": "Do not call 112 with questions that are not urgent.",
                        "ar": "لا تتصل بالرقم 112 لأسئلة غير عاجلة.",
                        "uk": "Не телефонуйте на 112 з питаннями, які не є терміновими.",
                    },
                },
            ),
            (
                "quiz",
                {
                    "question": {
                        "bg": "Кога звъните на 112?",
                        "en": "When do you call 112?",
                        "ar": "متى تتصل بالرقم 112؟",
                        "uk": "Коли ви телефонуєте на 112?",
                    },
                    "options": [
                        (
                            {
                                "bg": "Когато има пожар.",
                                "en": "When there is a fire.",
                                "ar": "عندما يكون هناك حريق.",
                                "uk": "Коли сталася пожежа.",
                            },
                            True,
                        ),
                        (
                            {
                                "bg": "Когато искам да знам колко е часът.",
                                "en": "When I want to know the time.",
                                "ar": "عندما أريد أن أعرف الوقت.",
                                "uk": "Коли я хочу дізнатися, котра година.",
                            },
                            False,
                        ),
                        (
                            {
                                "bg": "Когато има катастрофа.",
                                "en": "When there is a car crash.",
                                "ar": "عندما يقع حادث سيارة.",
                                "uk": "Коли сталася аварія.",
                            },
                            True,
                        ),
                    ],
                    "feedback_correct": {
                        "bg": "Браво! Номерът 112 е за опасни случаи.",
                        "en": "Well done! The number 112 is for dangerous situations.",
                        "ar": "أحسنت! الرقم 112 للحالات الخطرة.",
                        "uk": "Чудово! Номер 112 – для небезпечних ситуацій.",
                    },
                    "feedback_incorrect": {
                        "bg": "Не съвсем. Звънете на 112 само когато има опасност.",
                        "en": "Not quite. Call 112 only when there is danger.",
                        "ar": "ليس تماماً. اتصل بالرقم 112 فقط عند وجود خطر.",
                        "uk": "Не зовсім. Телефонуйте на 112 лише тоді, коли є небезпека.",
                    },
                },
            ),
        ],
    },
    {
        "key": "doctor",
        "level": "A2",
        "topics": ["health"],
        "slug": {
            "bg": "pri-lichniya-lekar",
            "en": "going-to-the-doctor",
            "ar": "going-to-the-doctor",
            "uk": "u-simeinoho-likaria",
        },
        "title": {
            "bg": "При личния лекар",
            "en": "Going to the doctor",
            "ar": "الذهاب إلى الطبيب",
            "uk": "У сімейного лікаря",
        },
        "summary": {
            "bg": "В България всеки има личен лекар. Ето как да изберете свой лекар.",
            "en": "In Bulgaria everyone has a family doctor. Here is how to choose one.",
            "ar": "في بلغاريا لكل شخص طبيب أسرة. إليك كيف تختار طبيبك.",
            "uk": "У Болгарії кожен має сімейного лікаря. Ось як його вибрати.",
        },
        "body": [
            (
                "easy_text",
                [
                    {
                        "bg": "Личният лекар е първият лекар, при когото отивате. "
                        "Той ви преглежда и ви изпраща при други лекари.",
                        "en": "Your family doctor is the first doctor you visit. "
                        "The doctor checks you and sends you to other doctors.",
                        "ar": "طبيب الأسرة هو أول طبيب تزوره. يفحصك ويرسلك إلى أطباء آخرين.",
                        "uk": "Сімейний лікар – перший лікар, до якого ви йдете. "
                        "Він оглядає вас і направляє до інших лікарів.",
                    },
                    {
                        "bg": "Можете сами да изберете личен лекар. "
                        "Попитайте приятели или съседи за добър лекар.",
                        "en": "You can choose your family doctor yourself. "
                        "Ask friends or neighbours about a good doctor.",
                        "ar": "يمكنك أن تختار طبيب الأسرة بنفسك. "
                        "اسأل أصدقاءك أو جيرانك عن طبيب جيد.",
                        "uk": "Ви можете самі вибрати сімейного лікаря. "
                        "Запитайте друзів або сусідів про доброго лікаря.",
                    },
                    {
                        "bg": "За повечето здравни услуги ви трябва здравна осигуровка.",
                        "en": "For most health services you need health insurance.",
                        "ar": "لمعظم الخدمات الصحية تحتاج إلى تأمين صحي.",
                        "uk": "Для більшості медичних послуг потрібне медичне страхування.",
                    },
                ],
            ),
            (
                "key_word",
                {
                    "word": {
                        "bg": "здравна осигуровка",
                        "en": "health insurance",
                        "ar": "التأمين الصحي",
                        "uk": "медичне страхування",
                    },
                    "explanation": {
                        "bg": "Пари, които плащате всеки месец. Те покриват част от лечението ви.",
                        "en": "Money you pay every month. It pays for part of your treatment.",
                        "ar": "مال تدفعه كل شهر. وهو يغطي جزءاً من علاجك.",
                        "uk": "Гроші, які ви платите щомісяця. Вони покривають частину лікування.",
                    },
                },
            ),
            (
                "step_by_step",
                {
                    "title": {
                        "bg": "Първото посещение",
                        "en": "Your first visit",
                        "ar": "زيارتك الأولى",
                        "uk": "Перший візит",
                    },
                    "steps": [
                        {
                            "bg": "Обадете се и си запишете час.",
                            "en": "Call and make an appointment.",
                            "ar": "اتصل واحجز موعداً.",
                            "uk": "Зателефонуйте й запишіться на прийом.",
                        },
                        {
                            "bg": "Вземете документа си за самоличност.",
                            "en": "Take your identity document.",
                            "ar": "خذ وثيقة هويتك.",
                            "uk": "Візьміть документ, що посвідчує особу.",
                        },
                        {
                            "bg": "Вземете списък с лекарствата, които пиете.",
                            "en": "Take a list of the medicines you take.",
                            "ar": "خذ قائمة بالأدوية التي تتناولها.",
                            "uk": "Візьміть список ліків, які ви приймаєте.",
                        },
                        {
                            "bg": "Кажете, ако имате нужда от преводач.",
                            "en": "Say if you need an interpreter.",
                            "ar": "قل إذا كنت تحتاج إلى مترجم.",
                            "uk": "Скажіть, якщо вам потрібен перекладач.",
                        },
                    ],
                },
            ),
            (
                "tip",
                {
                    "kind": "tip",
                    "text": {
                        "bg": "Ако не разбирате лекаря, помолете го да говори бавно.",
                        "en": "If you do not understand the doctor, ask them to speak slowly.",
                        "ar": "إذا لم تفهم الطبيب، اطلب منه أن يتكلم ببطء.",
                        "uk": "Якщо ви не розумієте лікаря, попросіть його говорити повільно.",
                    },
                },
            ),
            (
                "quiz",
                {
                    "question": {
                        "bg": "Кой ви изпраща при други лекари?",
                        "en": "Who sends you to other doctors?",
                        "ar": "من يرسلك إلى أطباء آخرين؟",
                        "uk": "Хто направляє вас до інших лікарів?",
                    },
                    "options": [
                        (
                            {
                                "bg": "Личният лекар.",
                                "en": "Your family doctor.",
                                "ar": "طبيب الأسرة.",
                                "uk": "Сімейний лікар.",
                            },
                            True,
                        ),
                        (
                            {
                                "bg": "Аптеката.",
                                "en": "The pharmacy.",
                                "ar": "الصيدلية.",
                                "uk": "Аптека.",
                            },
                            False,
                        ),
                        (
                            {
                                "bg": "Полицията.",
                                "en": "The police.",
                                "ar": "الشرطة.",
                                "uk": "Поліція.",
                            },
                            False,
                        ),
                    ],
                    "feedback_correct": {
                        "bg": "Правилно! Личният лекар ви насочва.",
                        "en": "Right! Your family doctor sends you on.",
                        "ar": "صحيح! طبيب الأسرة يوجّهك.",
                        "uk": "Правильно! Сімейний лікар дає направлення.",
                    },
                    "feedback_incorrect": {
                        "bg": "Не. Първо отидете при личния си лекар.",
                        "en": "No. First go to your family doctor.",
                        "ar": "لا. اذهب أولاً إلى طبيب الأسرة.",
                        "uk": "Ні. Спершу йдіть до свого сімейного лікаря.",
                    },
                },
            ),
        ],
    },
    {
        "key": "contract",
        "level": "A2",
        "topics": ["work", "rights"],
        "slug": {
            "bg": "trudov-dogovor",
            "en": "a-written-work-contract",
            "ar": "a-written-work-contract",
            "uk": "trudovyi-dohovir",
        },
        "title": {
            "bg": "Трудов договор",
            "en": "A written work contract",
            "ar": "عقد عمل مكتوب",
            "uk": "Трудовий договір",
        },
        "summary": {
            "bg": "Когато работите, трябва да имате писмен договор. Той ви пази.",
            "en": "When you work, you need a written contract. It protects you.",
            "ar": "عندما تعمل، تحتاج إلى عقد مكتوب. هو يحميك.",
            "uk": "Коли ви працюєте, потрібен письмовий договір. Він вас захищає.",
        },
        "body": [
            (
                "easy_text",
                [
                    {
                        "bg": "В България работодателят трябва да ви даде писмен договор. "
                        "Това става, преди да започнете работа.",
                        "en": "In Bulgaria your employer must give you a written contract. "
                        "This happens before you start work.",
                        "ar": "في بلغاريا يجب أن يعطيك صاحب العمل عقداً مكتوباً. "
                        "يحدث هذا قبل أن تبدأ العمل.",
                        "uk": "У Болгарії роботодавець має дати вам письмовий договір. "
                        "Це відбувається до початку роботи.",
                    },
                    {
                        "bg": "В договора пише колко ще ви плащат. Пише и колко часа ще работите.",
                        "en": "The contract says how much you will earn. "
                        "It also says how many hours you work.",
                        "ar": "يذكر العقد كم ستكسب. ويذكر أيضاً كم ساعة ستعمل.",
                        "uk": "У договорі написано, скільки вам платитимуть. "
                        "Там також написано, скільки годин ви працюєте.",
                    },
                    {
                        "bg": "Не подписвайте документ, който не разбирате. "
                        "Помолете някого да ви го преведе.",
                        "en": "Do not sign a paper you do not understand. "
                        "Ask someone to translate it for you.",
                        "ar": "لا توقّع على ورقة لا تفهمها. اطلب من شخص أن يترجمها لك.",
                        "uk": "Не підписуйте документ, якого не розумієте. "
                        "Попросіть когось його перекласти.",
                    },
                ],
            ),
            (
                "key_word",
                {
                    "word": {"bg": "заплата", "en": "salary", "ar": "الراتب", "uk": "зарплата"},
                    "explanation": {
                        "bg": "Парите, които получавате за работата си всеки месец.",
                        "en": "The money you get for your work every month.",
                        "ar": "المال الذي تحصل عليه مقابل عملك كل شهر.",
                        "uk": "Гроші, які ви отримуєте за роботу щомісяця.",
                    },
                },
            ),
            (
                "step_by_step",
                {
                    "title": {
                        "bg": "Преди да подпишете",
                        "en": "Before you sign",
                        "ar": "قبل أن توقّع",
                        "uk": "Перед тим як підписати",
                    },
                    "steps": [
                        {
                            "bg": "Прочетете целия договор.",
                            "en": "Read the whole contract.",
                            "ar": "اقرأ العقد كله.",
                            "uk": "Прочитайте весь договір.",
                        },
                        {
                            "bg": "Проверете заплатата и работното време.",
                            "en": "Check the salary and the working hours.",
                            "ar": "تحقق من الراتب وساعات العمل.",
                            "uk": "Перевірте зарплату та робочий час.",
                        },
                        {
                            "bg": "Попитайте за всичко, което не е ясно.",
                            "en": "Ask about anything that is not clear.",
                            "ar": "اسأل عن كل شيء غير واضح.",
                            "uk": "Запитайте про все, що незрозуміло.",
                        },
                        {
                            "bg": "Пазете копие от договора.",
                            "en": "Keep a copy of the contract.",
                            "ar": "احتفظ بنسخة من العقد.",
                            "uk": "Збережіть копію договору.",
                        },
                    ],
                },
            ),
            (
                "contact",
                {
                    "name": {
                        "bg": "Агенция по заетостта",
                        "en": "Employment Agency",
                        "ar": "وكالة التوظيف",
                        "uk": "Агентство зайнятості",
                    },
                    "opening_hours": {
                        "bg": "Бюрата по труда са във всеки град.",
                        "en": "There is a labour office in every town.",
                        "ar": "يوجد مكتب عمل في كل مدينة.",
                        "uk": "Бюро праці є в кожному місті.",
                    },
                    "website": "https://www.az.government.bg/",
                },
            ),
            (
                "tip",
                {
                    "kind": "warning",
                    "text": {
                        "bg": "Работа без договор е опасна. Нямате осигуровка и права.",
                        "en": "Work without a contract is risky. "
                        "You have no insurance and no rights.",
                        "ar": "العمل بدون عقد خطير. ليس لديك تأمين ولا حقوق.",
                        "uk": "Робота без договору небезпечна. У вас немає страхування і прав.",
                    },
                },
            ),
            (
                "quiz",
                {
                    "question": {
                        "bg": "Кога трябва да имате трудов договор?",
                        "en": "When must you have a work contract?",
                        "ar": "متى يجب أن يكون لديك عقد عمل؟",
                        "uk": "Коли у вас має бути трудовий договір?",
                    },
                    "options": [
                        (
                            {
                                "bg": "Преди да започна работа.",
                                "en": "Before I start work.",
                                "ar": "قبل أن أبدأ العمل.",
                                "uk": "До того, як я почну працювати.",
                            },
                            True,
                        ),
                        (
                            {
                                "bg": "След една година работа.",
                                "en": "After one year of work.",
                                "ar": "بعد سنة من العمل.",
                                "uk": "Після року роботи.",
                            },
                            False,
                        ),
                        (
                            {
                                "bg": "Никога.",
                                "en": "Never.",
                                "ar": "أبداً.",
                                "uk": "Ніколи.",
                            },
                            False,
                        ),
                    ],
                    "feedback_correct": {
                        "bg": "Точно така! Договорът ви трябва от първия ден.",
                        "en": "Exactly! You need the contract from the first day.",
                        "ar": "بالضبط! تحتاج إلى العقد من اليوم الأول.",
                        "uk": "Саме так! Договір потрібен з першого дня.",
                    },
                    "feedback_incorrect": {
                        "bg": "Не. Договорът трябва да е готов преди първия работен ден.",
                        "en": "No. The contract must be ready before your first day at work.",
                        "ar": "لا. يجب أن يكون العقد جاهزاً قبل أول يوم عمل.",
                        "uk": "Ні. Договір має бути готовий до першого робочого дня.",
                    },
                },
            ),
        ],
    },
    {
        "key": "transport",
        "level": "A1",
        "topics": ["transport", "everyday-life"],
        "slug": {
            "bg": "gradski-transport-v-sofia",
            "en": "public-transport-in-sofia",
            "ar": "public-transport-in-sofia",
            "uk": "miskyi-transport-u-sofii",
        },
        "title": {
            "bg": "Градският транспорт в София",
            "en": "Public transport in Sofia",
            "ar": "المواصلات العامة في صوفيا",
            "uk": "Міський транспорт у Софії",
        },
        "summary": {
            "bg": "В София има метро, трамваи, автобуси и тролейбуси. Ето как да пътувате.",
            "en": "Sofia has a metro, trams, buses and trolleybuses. Here is how to travel.",
            "ar": "في صوفيا مترو وترام وحافلات وحافلات كهربائية. إليك كيف تتنقل.",
            "uk": "У Софії є метро, трамваї, автобуси й тролейбуси. Ось як ними їздити.",
        },
        "body": [
            (
                "easy_text",
                [
                    {
                        "bg": "Преди да пътувате, ви трябва билет. "
                        "Можете да платите с банкова карта в автобуса или в метрото.",
                        "en": "You need a ticket before you travel. "
                        "You can pay with a bank card on the bus or in the metro.",
                        "ar": "تحتاج إلى تذكرة قبل أن تسافر. "
                        "يمكنك الدفع ببطاقة بنكية في الحافلة أو في المترو.",
                        "uk": "Перед поїздкою потрібен квиток. "
                        "Можна заплатити банківською карткою в автобусі або в метро.",
                    },
                    {
                        "bg": "Има и карти за цял месец. Те са по-евтини, ако пътувате всеки ден.",
                        "en": "There are also cards for a whole month. "
                        "They are cheaper if you travel every day.",
                        "ar": "توجد أيضاً بطاقات لشهر كامل. هي أرخص إذا كنت تسافر كل يوم.",
                        "uk": "Є також проїзні на цілий місяць. "
                        "Вони дешевші, якщо ви їздите щодня.",
                    },
                    {
                        "bg": "В метрото стойте зад жълтата линия. "
                        "Пуснете хората да слязат, преди да се качите.",
                        "en": "In the metro, stand behind the yellow line. "
                        "Let people get off before you get on.",
                        "ar": "في المترو قف خلف الخط الأصفر. دع الناس ينزلون قبل أن تصعد.",
                        "uk": "У метро стійте за жовтою лінією. "
                        "Дайте людям вийти, перш ніж заходити.",
                    },
                ],
            ),
            (
                "key_word",
                {
                    "word": {
                        "bg": "валидирам",
                        "en": "validate",
                        "ar": "تفعيل التذكرة",
                        "uk": "компостувати",
                    },
                    "explanation": {
                        "bg": "Да маркирате билета си в машината, когато се качите.",
                        "en": "To mark your ticket in the machine when you get on.",
                        "ar": "أن تختم تذكرتك في الآلة عندما تصعد.",
                        "uk": "Позначити квиток у машині, коли ви заходите.",
                    },
                },
            ),
            (
                "step_by_step",
                {
                    "title": {
                        "bg": "Как да платите с карта",
                        "en": "How to pay with a card",
                        "ar": "كيف تدفع بالبطاقة",
                        "uk": "Як заплатити карткою",
                    },
                    "steps": [
                        {
                            "bg": "Качете се в автобуса, трамвая или метрото.",
                            "en": "Get on the bus, tram or metro.",
                            "ar": "اصعد إلى الحافلة أو الترام أو المترو.",
                            "uk": "Зайдіть в автобус, трамвай або метро.",
                        },
                        {
                            "bg": "Допрете банковата карта до машината.",
                            "en": "Touch your bank card on the machine.",
                            "ar": "المس الآلة ببطاقتك البنكية.",
                            "uk": "Прикладіть банківську картку до машини.",
                        },
                        {
                            "bg": "Изчакайте звук или светлина.",
                            "en": "Wait for a sound or a light.",
                            "ar": "انتظر صوتاً أو ضوءاً.",
                            "uk": "Дочекайтеся звуку або світла.",
                        },
                        {
                            "bg": "Пазете картата до края на пътуването.",
                            "en": "Keep the card with you until the end of the trip.",
                            "ar": "احتفظ بالبطاقة معك حتى نهاية الرحلة.",
                            "uk": "Тримайте картку при собі до кінця поїздки.",
                        },
                    ],
                },
            ),
            (
                "tip",
                {
                    "kind": "tip",
                    "text": {
                        "bg": "Проверките на билети са чести. Без билет плащате глоба.",
                        "en": "Ticket checks are common. Without a ticket you pay a fine.",
                        "ar": "فحص التذاكر متكرر. بدون تذكرة تدفع غرامة.",
                        "uk": "Квитки перевіряють часто. Без квитка ви платите штраф.",
                    },
                },
            ),
            (
                "quiz",
                {
                    "question": {
                        "bg": "Какво правите в метрото, преди да се качите?",
                        "en": "What do you do in the metro before you get on?",
                        "ar": "ماذا تفعل في المترو قبل أن تصعد؟",
                        "uk": "Що ви робите в метро, перш ніж зайти?",
                    },
                    "options": [
                        (
                            {
                                "bg": "Пускам хората да слязат.",
                                "en": "I let people get off.",
                                "ar": "أدع الناس ينزلون.",
                                "uk": "Даю людям вийти.",
                            },
                            True,
                        ),
                        (
                            {
                                "bg": "Стоя пред жълтата линия.",
                                "en": "I stand in front of the yellow line.",
                                "ar": "أقف أمام الخط الأصفر.",
                                "uk": "Стою перед жовтою лінією.",
                            },
                            False,
                        ),
                        (
                            {
                                "bg": "Тичам към вратата.",
                                "en": "I run to the door.",
                                "ar": "أركض نحو الباب.",
                                "uk": "Біжу до дверей.",
                            },
                            False,
                        ),
                    ],
                    "feedback_correct": {
                        "bg": "Браво! Така всички пътуват спокойно.",
                        "en": "Well done! This way everyone travels calmly.",
                        "ar": "أحسنت! هكذا يسافر الجميع بهدوء.",
                        "uk": "Чудово! Так усі їдуть спокійно.",
                    },
                    "feedback_incorrect": {
                        "bg": "Не съвсем. Стойте зад линията и изчакайте хората да слязат.",
                        "en": "Not quite. Stand behind the line and wait for people to get off.",
                        "ar": "ليس تماماً. قف خلف الخط وانتظر حتى ينزل الناس.",
                        "uk": "Не зовсім. Стійте за лінією й дочекайтеся, поки люди вийдуть.",
                    },
                },
            ),
        ],
    },
    {
        "key": "school",
        "level": "A2",
        "topics": ["education"],
        "slug": {
            "bg": "deteto-vi-v-uchilishte",
            "en": "your-child-at-school",
            "ar": "your-child-at-school",
            "uk": "dytyna-u-shkoli",
        },
        "title": {
            "bg": "Детето ви в училище",
            "en": "Your child at school",
            "ar": "طفلك في المدرسة",
            "uk": "Ваша дитина в школі",
        },
        "summary": {
            "bg": "В България децата трябва да ходят на училище. Държавните училища са безплатни.",
            "en": "In Bulgaria, children must go to school. State schools are free.",
            "ar": "في بلغاريا يجب أن يذهب الأطفال إلى المدرسة. المدارس الحكومية مجانية.",
            "uk": "У Болгарії діти мають ходити до школи. Державні школи безкоштовні.",
        },
        "body": [
            (
                "easy_text",
                [
                    {
                        "bg": "Детето може да тръгне на училище, "
                        "дори ако още не говори български. "
                        "Много училища дават допълнителни уроци по български.",
                        "en": "Your child can start school even if they do not speak "
                        "Bulgarian yet. Many schools give extra Bulgarian lessons.",
                        "ar": "يمكن لطفلك أن يبدأ المدرسة حتى لو لم يتكلم البلغارية بعد. "
                        "كثير من المدارس تقدم دروساً إضافية في البلغارية.",
                        "uk": "Дитина може піти до школи, навіть якщо ще не говорить "
                        "болгарською. Багато шкіл дають додаткові уроки болгарської.",
                    },
                    {
                        "bg": "Говорете с директора на училището. "
                        "Той ще ви каже какви документи ви трябват.",
                        "en": "Talk to the head of the school. "
                        "They will tell you what papers you need.",
                        "ar": "تحدث مع مدير المدرسة. سيخبرك بالوثائق التي تحتاجها.",
                        "uk": "Поговоріть з директором школи. Він скаже, які документи потрібні.",
                    },
                    {
                        "bg": "Ходете на срещите с учителите. Така знаете как се справя детето ви.",
                        "en": "Go to the meetings with the teachers. "
                        "Then you know how your child is doing.",
                        "ar": "اذهب إلى الاجتماعات مع المعلمين. هكذا تعرف كيف حال طفلك.",
                        "uk": "Ходіть на зустрічі з учителями. "
                        "Так ви знатимете, як справи у дитини.",
                    },
                ],
            ),
            (
                "key_word",
                {
                    "word": {
                        "bg": "родителска среща",
                        "en": "parents' meeting",
                        "ar": "اجتماع أولياء الأمور",
                        "uk": "батьківські збори",
                    },
                    "explanation": {
                        "bg": "Среща, на която учителите говорят с родителите за децата.",
                        "en": "A meeting where teachers talk with parents about their children.",
                        "ar": "اجتماع يتحدث فيه المعلمون مع الأهل عن أطفالهم.",
                        "uk": "Зустріч, на якій учителі говорять з батьками про дітей.",
                    },
                },
            ),
            (
                "step_by_step",
                {
                    "title": {
                        "bg": "Как да запишете дете",
                        "en": "How to enrol a child",
                        "ar": "كيف تسجّل طفلاً",
                        "uk": "Як записати дитину",
                    },
                    "steps": [
                        {
                            "bg": "Изберете училище близо до дома.",
                            "en": "Choose a school near your home.",
                            "ar": "اختر مدرسة قريبة من البيت.",
                            "uk": "Виберіть школу біля дому.",
                        },
                        {
                            "bg": "Отидете в училището с документите на детето.",
                            "en": "Go to the school with your child's documents.",
                            "ar": "اذهب إلى المدرسة مع وثائق طفلك.",
                            "uk": "Прийдіть до школи з документами дитини.",
                        },
                        {
                            "bg": "Попитайте за уроци по български.",
                            "en": "Ask about Bulgarian lessons.",
                            "ar": "اسأل عن دروس اللغة البلغارية.",
                            "uk": "Запитайте про уроки болгарської.",
                        },
                        {
                            "bg": "Вземете списък с нещата за училище.",
                            "en": "Get a list of the things for school.",
                            "ar": "خذ قائمة بالأشياء اللازمة للمدرسة.",
                            "uk": "Візьміть список речей для школи.",
                        },
                    ],
                },
            ),
            (
                "tip",
                {
                    "kind": "tip",
                    "text": {
                        "bg": "В държавните училища учебниците често са безплатни.",
                        "en": "In state schools the textbooks are often free.",
                        "ar": "في المدارس الحكومية تكون الكتب المدرسية مجانية غالباً.",
                        "uk": "У державних школах підручники часто безкоштовні.",
                    },
                },
            ),
            (
                "quiz",
                {
                    "question": {
                        "bg": "Може ли детето да тръгне на училище, ако не говори български?",
                        "en": "Can your child start school if they do not speak Bulgarian?",
                        "ar": "هل يمكن لطفلك أن يبدأ المدرسة إذا لم يتكلم البلغارية؟",
                        "uk": "Чи може дитина піти до школи, якщо не говорить болгарською?",
                    },
                    "options": [
                        ({"bg": "Да.", "en": "Yes.", "ar": "نعم.", "uk": "Так."}, True),
                        ({"bg": "Не.", "en": "No.", "ar": "لا.", "uk": "Ні."}, False),
                    ],
                    "feedback_correct": {
                        "bg": "Правилно! Детето ще учи езика и в училище.",
                        "en": "Right! Your child will also learn the language at school.",
                        "ar": "صحيح! سيتعلم طفلك اللغة في المدرسة أيضاً.",
                        "uk": "Правильно! Дитина вчитиме мову і в школі.",
                    },
                    "feedback_incorrect": {
                        "bg": "Всъщност може. Училището помага с езика.",
                        "en": "In fact, they can. The school helps with the language.",
                        "ar": "في الواقع يمكنه ذلك. المدرسة تساعد في اللغة.",
                        "uk": "Насправді може. Школа допомагає з мовою.",
                    },
                },
            ),
        ],
    },
    {
        "key": "first-words",
        "level": "A1",
        "topics": ["language", "everyday-life"],
        "slug": {
            "bg": "parvi-dumi-na-balgarski",
            "en": "first-words-in-bulgarian",
            "ar": "first-words-in-bulgarian",
            "uk": "pershi-slova-bolharskoiu",
        },
        "title": {
            "bg": "Първи думи на български",
            "en": "First words in Bulgarian",
            "ar": "أولى الكلمات بالبلغارية",
            "uk": "Перші слова болгарською",
        },
        "summary": {
            "bg": "Няколко думи помагат много. Научете как да поздравите и да благодарите.",
            "en": "A few words help a lot. Learn how to greet people and say thank you.",
            "ar": "بضع كلمات تساعد كثيراً. تعلّم كيف تحيّي الناس وتشكرهم.",
            "uk": "Кілька слів дуже допомагають. Навчіться вітатися й дякувати.",
        },
        "body": [
            (
                "easy_text",
                [
                    {
                        "bg": "Българите казват „Здравейте“, когато се срещнат. "
                        "На приятел казват „Здрасти“.",
                        "en": "Bulgarians say „Zdraveyte“ (hello) when they meet. "
                        "To a friend they say „Zdrasti“ (hi).",
                        "ar": "يقول البلغار „زدرافيتي“ (مرحباً) عندما يلتقون. "
                        "ويقولون لصديق „زدراستي“.",
                        "uk": "Болгари кажуть „Здравейте“ (добрий день), коли зустрічаються. "
                        "Другові кажуть „Здрасти“ (привіт).",
                    },
                    {
                        "bg": "„Благодаря“ казвате, когато някой ви помогне. "
                        "„Моля“ казвате, когато искате нещо.",
                        "en": "You say „Blagodarya“ (thank you) when someone helps you. "
                        "You say „Molya“ (please) when you ask for something.",
                        "ar": "تقول „بلاغوداريا“ (شكراً) عندما يساعدك أحد. "
                        "وتقول „موليا“ (من فضلك) عندما تطلب شيئاً.",
                        "uk": "„Благодаря“ (дякую) кажуть, коли хтось допоміг. "
                        "„Моля“ (будь ласка) кажуть, коли про щось просять.",
                    },
                    {
                        "bg": "Внимание: в България кимането с глава често значи „не“. "
                        "Клатенето значи „да“.",
                        "en": "Careful: in Bulgaria a nod often means „no“. "
                        "Shaking the head means „yes“.",
                        "ar": "انتبه: في بلغاريا هزّ الرأس إلى الأسفل يعني غالباً „لا“. "
                        "وهزّه يميناً ويساراً يعني „نعم“.",
                        "uk": "Увага: у Болгарії кивок головою часто означає „ні“. "
                        "Похитування головою означає „так“.",
                    },
                ],
            ),
            (
                "key_word",
                {
                    "word": {
                        "bg": "Довиждане",
                        "en": "Dovizhdane",
                        "ar": "دوفيجدانه",
                        "uk": "Довиждане",
                    },
                    "explanation": {
                        "bg": "Така казвате, когато си тръгвате.",
                        "en": "What you say when you leave. It means goodbye.",
                        "ar": "ما تقوله عندما تغادر. معناها: مع السلامة.",
                        "uk": "Так кажуть, коли йдуть. Це означає „до побачення“.",
                    },
                },
            ),
            (
                "step_by_step",
                {
                    "title": {
                        "bg": "Упражнение за днес",
                        "en": "Practice for today",
                        "ar": "تمرين لليوم",
                        "uk": "Вправа на сьогодні",
                    },
                    "steps": [
                        {
                            "bg": "Кажете „Здравейте“ на съседа си.",
                            "en": "Say „Zdraveyte“ to your neighbour.",
                            "ar": "قل „زدرافيتي“ لجارك.",
                            "uk": "Скажіть „Здравейте“ сусідові.",
                        },
                        {
                            "bg": "Кажете „Благодаря“ в магазина.",
                            "en": "Say „Blagodarya“ in the shop.",
                            "ar": "قل „بلاغوداريا“ في المتجر.",
                            "uk": "Скажіть „Благодаря“ в магазині.",
                        },
                        {
                            "bg": "Кажете „Довиждане“, когато си тръгвате.",
                            "en": "Say „Dovizhdane“ when you leave.",
                            "ar": "قل „دوفيجدانه“ عندما تغادر.",
                            "uk": "Скажіть „Довиждане“, коли йдете.",
                        },
                    ],
                },
            ),
            (
                "tip",
                {
                    "kind": "tip",
                    "text": {
                        "bg": "Хората се радват, когато опитате да говорите български. "
                        "Не се страхувайте от грешки.",
                        "en": "People are happy when you try to speak Bulgarian. "
                        "Do not be afraid of mistakes.",
                        "ar": "يفرح الناس عندما تحاول أن تتكلم البلغارية. لا تخف من الأخطاء.",
                        "uk": "Люди радіють, коли ви намагаєтеся говорити болгарською. "
                        "Не бійтеся помилок.",
                    },
                },
            ),
            (
                "quiz",
                {
                    "question": {
                        "bg": "Какво казвате, когато някой ви помогне?",
                        "en": "What do you say when someone helps you?",
                        "ar": "ماذا تقول عندما يساعدك أحد؟",
                        "uk": "Що ви кажете, коли вам хтось допоміг?",
                    },
                    "options": [
                        (
                            {
                                "bg": "Благодаря.",
                                "en": "Blagodarya.",
                                "ar": "بلاغوداريا.",
                                "uk": "Благодаря.",
                            },
                            True,
                        ),
                        (
                            {
                                "bg": "Довиждане.",
                                "en": "Dovizhdane.",
                                "ar": "دوفيجدانه.",
                                "uk": "Довиждане.",
                            },
                            False,
                        ),
                        (
                            {
                                "bg": "Здрасти.",
                                "en": "Zdrasti.",
                                "ar": "زدراستي.",
                                "uk": "Здрасти.",
                            },
                            False,
                        ),
                    ],
                    "feedback_correct": {
                        "bg": "Точно така! „Благодаря“ е думата за благодарност.",
                        "en": "That is right! „Blagodarya“ means thank you.",
                        "ar": "صحيح! „بلاغوداريا“ تعني شكراً.",
                        "uk": "Саме так! „Благодаря“ означає „дякую“.",
                    },
                    "feedback_incorrect": {
                        "bg": "Не съвсем. Думата е „Благодаря“.",
                        "en": "Not quite. The word is „Blagodarya“.",
                        "ar": "ليس تماماً. الكلمة هي „بلاغوداريا“.",
                        "uk": "Не зовсім. Це слово „Благодаря“.",
                    },
                },
            ),
        ],
    },
    {
        "key": "discrimination",
        "level": "B1",
        "topics": ["rights"],
        "slug": {
            "bg": "ako-sreshtnete-diskriminatsia",
            "en": "if-you-face-discrimination",
            "ar": "if-you-face-discrimination",
            "uk": "yakshcho-vy-zitknulysia-z-dyskryminatsiieiu",
        },
        "title": {
            "bg": "Ако срещнете дискриминация",
            "en": "If you face discrimination",
            "ar": "إذا واجهت التمييز",
            "uk": "Якщо ви зіткнулися з дискримінацією",
        },
        "summary": {
            "bg": "Никой не може да се отнася зле с вас заради произхода ви. "
            "Ето къде да потърсите помощ.",
            "en": "No one may treat you badly because of where you come from. "
            "Here is where to get help.",
            "ar": "لا يحق لأحد أن يعاملك بسوء بسبب أصلك. إليك أين تطلب المساعدة.",
            "uk": "Ніхто не може погано ставитися до вас через ваше походження. "
            "Ось де шукати допомоги.",
        },
        "body": [
            (
                "easy_text",
                [
                    {
                        "bg": "Дискриминация е, когато някой се отнася по-зле с вас "
                        "заради произхода, религията или цвета на кожата ви.",
                        "en": "Discrimination is when someone treats you worse because of "
                        "your origin, religion or skin colour.",
                        "ar": "التمييز هو أن يعاملك أحد بشكل أسوأ بسبب أصلك أو دينك أو لون بشرتك.",
                        "uk": "Дискримінація – це коли до вас ставляться гірше через "
                        "походження, релігію чи колір шкіри.",
                    },
                    {
                        "bg": "Законът в България забранява това. "
                        "Това важи в работата, в училище, в магазина и навсякъде.",
                        "en": "The law in Bulgaria forbids this. "
                        "It applies at work, at school, in shops and everywhere.",
                        "ar": "القانون في بلغاريا يمنع ذلك. "
                        "وهذا يسري في العمل والمدرسة والمتاجر وفي كل مكان.",
                        "uk": "Закон у Болгарії це забороняє. "
                        "Це діє на роботі, у школі, в магазині й усюди.",
                    },
                    {
                        "bg": "Можете да подадете жалба. Жалбата е безплатна.",
                        "en": "You can make a complaint. Making a complaint is free.",
                        "ar": "يمكنك أن تقدم شكوى. تقديم الشكوى مجاني.",
                        "uk": "Ви можете подати скаргу. Подати скаргу безкоштовно.",
                    },
                    {
                        "bg": "Омбудсманът на София също помага на мигранти. "
                        "Той провежда срещи в центровете за интеграция.",
                        "en": "The Sofia ombudsperson also helps migrants. "
                        "They hold information sessions in integration centres.",
                        "ar": "أمين المظالم في صوفيا يساعد المهاجرين أيضاً. "
                        "وهو يعقد لقاءات في مراكز الاندماج.",
                        "uk": "Омбудсмен Софії теж допомагає мігрантам. "
                        "Він проводить зустрічі в центрах інтеграції.",
                    },
                ],
            ),
            (
                "key_word",
                {
                    "word": {"bg": "жалба", "en": "complaint", "ar": "شكوى", "uk": "скарга"},
                    "explanation": {
                        "bg": "Писмо, в което казвате, че с вас са постъпили несправедливо.",
                        "en": "A letter in which you say that you were treated unfairly.",
                        "ar": "رسالة تقول فيها إنك عوملت بظلم.",
                        "uk": "Лист, у якому ви пишете, що з вами вчинили несправедливо.",
                    },
                },
            ),
            (
                "step_by_step",
                {
                    "title": {
                        "bg": "Какво да направите",
                        "en": "What to do",
                        "ar": "ماذا تفعل",
                        "uk": "Що робити",
                    },
                    "steps": [
                        {
                            "bg": "Запишете какво се случи, кога и къде.",
                            "en": "Write down what happened, when and where.",
                            "ar": "اكتب ماذا حدث ومتى وأين.",
                            "uk": "Запишіть, що сталося, коли й де.",
                        },
                        {
                            "bg": "Запишете имената на свидетелите.",
                            "en": "Write down the names of any witnesses.",
                            "ar": "اكتب أسماء الشهود.",
                            "uk": "Запишіть імена свідків.",
                        },
                        {
                            "bg": "Пазете писма, съобщения и снимки.",
                            "en": "Keep letters, messages and photos.",
                            "ar": "احتفظ بالرسائل والصور.",
                            "uk": "Зберігайте листи, повідомлення та фото.",
                        },
                        {
                            "bg": "Подайте жалба до Комисията за защита от дискриминация.",
                            "en": "Send a complaint to the Commission for Protection against "
                            "Discrimination.",
                            "ar": "قدّم شكوى إلى لجنة الحماية من التمييز.",
                            "uk": "Подайте скаргу до Комісії із захисту від дискримінації.",
                        },
                    ],
                },
            ),
            (
                "tip",
                {
                    "kind": "tip",
                    "text": {
                        "bg": "Можете да поискате безплатна помощ от неправителствена "
                        "организация. Например от Българския Червен кръст или Каритас.",
                        "en": "You can ask a non-governmental organisation for free help. "
                        "For example, the Bulgarian Red Cross or Caritas.",
                        "ar": "يمكنك أن تطلب مساعدة مجانية من منظمة غير حكومية. "
                        "مثلاً الصليب الأحمر البلغاري أو كاريتاس.",
                        "uk": "Ви можете попросити безкоштовної допомоги в громадської "
                        "організації. Наприклад, у Болгарському Червоному Хресті чи Карітасі.",
                    },
                },
            ),
            (
                "quiz",
                {
                    "question": {
                        "bg": "Какво е добре да пазите, ако срещнете дискриминация?",
                        "en": "What should you keep if you face discrimination?",
                        "ar": "ماذا يجب أن تحتفظ به إذا واجهت التمييز؟",
                        "uk": "Що варто зберігати, якщо ви зіткнулися з дискримінацією?",
                    },
                    "options": [
                        (
                            {
                                "bg": "Писма, съобщения и снимки.",
                                "en": "Letters, messages and photos.",
                                "ar": "الرسائل والصور.",
                                "uk": "Листи, повідомлення та фото.",
                            },
                            True,
                        ),
                        (
                            {"bg": "Нищо.", "en": "Nothing.", "ar": "لا شيء.", "uk": "Нічого."},
                            False,
                        ),
                        (
                            {
                                "bg": "Само спомените си.",
                                "en": "Only my memories.",
                                "ar": "ذكرياتي فقط.",
                                "uk": "Лише свої спогади.",
                            },
                            False,
                        ),
                    ],
                    "feedback_correct": {
                        "bg": "Правилно! Доказателствата помагат на жалбата ви.",
                        "en": "Correct! Evidence helps your complaint.",
                        "ar": "صحيح! الأدلة تساعد شكواك.",
                        "uk": "Правильно! Докази допомагають вашій скарзі.",
                    },
                    "feedback_incorrect": {
                        "bg": "Не. Пазете всичко, което показва какво се случи.",
                        "en": "No. Keep everything that shows what happened.",
                        "ar": "لا. احتفظ بكل ما يُظهر ما حدث.",
                        "uk": "Ні. Зберігайте все, що показує, що сталося.",
                    },
                },
            ),
        ],
    },
]

COURSE = {
    "slug": {
        "bg": "parvite-sedmitsi-v-sofia",
        "en": "your-first-weeks-in-sofia",
        "ar": "your-first-weeks-in-sofia",
        "uk": "pershi-tyzhni-u-sofii",
    },
    "title": {
        "bg": "Първите седмици в София",
        "en": "Your first weeks in Sofia",
        "ar": "أسابيعك الأولى في صوفيا",
        "uk": "Перші тижні в Софії",
    },
    "intro": {
        "bg": "Започнете с тези уроци. Те помагат в първите дни в новия град.",
        "en": "Start with these lessons. They help in your first days in a new city.",
        "ar": "ابدأ بهذه الدروس. إنها تساعدك في أيامك الأولى في مدينة جديدة.",
        "uk": "Почніть із цих уроків. Вони допомагають у перші дні в новому місті.",
    },
    "lessons": ["documents", "emergency", "first-words", "transport", "doctor", "contract"],
}
