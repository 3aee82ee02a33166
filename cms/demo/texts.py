"""Demo texts for the home and "About the platform" pages, in every platform language.

Written for this platform from the facts in the project's source documents (the 2IMINED
project, Sofia's city integration audit, World Refugee Month). Each entry holds one
string in all languages side by side, so a reviewer reads a translation next to its
source. Bulgarian is the source; the loader builds the Bulgarian pages from it and feeds
the rest to wagtail-localize as translations.
"""

Text = dict[str, str]

HOME_SLUG: Text = {
    "bg": "home-bg",
    "en": "home-en",
    "ar": "home-ar",
    "fa": "home-fa",
    "uk": "home-uk",
    "ru": "home-ru",
    "tr": "home-tr",
}
HOME_TITLE: Text = {
    "bg": "Добре дошли",
    "en": "Welcome",
    "ar": "أهلاً وسهلاً",
    "fa": "خوش آمدید",
    "uk": "Ласкаво просимо",
    "ru": "Добро пожаловать",
    "tr": "Hoş geldiniz",
}
HOME_INTRO: Text = {
    "bg": "Полезна информация за живота в България, на лесен език и на вашия език.",
    "en": "Useful information about life in Bulgaria, in easy language and in your language.",
    "ar": "معلومات مفيدة عن الحياة في بلغاريا، بلغة سهلة وبلغتك.",
    "fa": "اطلاعات مفید درباره زندگی در بلغارستان، به زبان ساده و به زبان خودتان.",
    "uk": "Корисна інформація про життя в Болгарії, простою мовою і вашою мовою.",
    "ru": "Полезная информация о жизни в Болгарии, простым языком и на вашем языке.",
    "tr": "Bulgaristan'da yaşam hakkında faydalı bilgiler, kolay bir dille ve kendi dilinizde.",
}
HOME_BODY: list[tuple[str, Text]] = [
    (
        "h2",
        {
            "bg": "Какво ще намерите тук",
            "en": "What you will find here",
            "ar": "ماذا ستجد هنا",
            "fa": "اینجا چه چیزهایی پیدا می‌کنید",
            "uk": "Що ви тут знайдете",
            "ru": "Что вы здесь найдёте",
            "tr": "Burada neler bulacaksınız",
        },
    ),
    (
        "li",
        {
            "bg": "Кратки уроци за документи, работа, здраве, училище и жилище.",
            "en": "Short lessons about documents, work, health, school and housing.",
            "ar": "دروس قصيرة عن الوثائق والعمل والصحة والمدرسة والسكن.",
            "fa": "درس‌های کوتاه درباره مدارک، کار، سلامت، مدرسه و مسکن.",
            "uk": "Короткі уроки про документи, роботу, здоров'я, школу та житло.",
            "ru": "Короткие уроки о документах, работе, здоровье, школе и жилье.",
            "tr": "Belgeler, iş, sağlık, okul ve konut hakkında kısa dersler.",
        },
    ),
    (
        "li",
        {
            "bg": "Истории на хора, които са дошли в София и са намерили своето място.",
            "en": "Stories of people who came to Sofia and found their place.",
            "ar": "قصص أشخاص جاؤوا إلى صوفيا ووجدوا مكانهم.",
            "fa": "داستان کسانی که به صوفیه آمدند و جای خود را پیدا کردند.",
            "uk": "Історії людей, які приїхали до Софії і знайшли своє місце.",
            "ru": "Истории людей, которые приехали в Софию и нашли своё место.",
            "tr": "Sofya'ya gelip kendine bir yer bulan insanların hikâyeleri.",
        },
    ),
    (
        "li",
        {
            "bg": "Кампании срещу митовете за бежанците, като Световния месец на бежанците.",
            "en": "Campaigns against myths about refugees, such as World Refugee Month.",
            "ar": "حملات ضد الأفكار الخاطئة عن اللاجئين، مثل شهر اللاجئين العالمي.",
            "fa": "کمپین‌هایی علیه باورهای نادرست درباره پناهندگان، مانند ماه جهانی پناهنده.",
            "uk": "Кампанії проти міфів про біженців, як-от Всесвітній місяць біженців.",
            "ru": "Кампании против мифов о беженцах, например Всемирный месяц беженцев.",
            "tr": "Dünya Mülteci Ayı gibi, mülteciler hakkındaki yanlış inanışlara karşı "
            "kampanyalar.",
        },
    ),
    (
        "li",
        {
            "bg": "Факти и числа за живота на мигрантите в града.",
            "en": "Facts and figures about the lives of migrants in the city.",
            "ar": "حقائق وأرقام عن حياة المهاجرين في المدينة.",
            "fa": "واقعیت‌ها و آمار درباره زندگی مهاجران در شهر.",
            "uk": "Факти і цифри про життя мігрантів у місті.",
            "ru": "Факты и цифры о жизни мигрантов в городе.",
            "tr": "Şehirdeki göçmenlerin yaşamı hakkında gerçekler ve rakamlar.",
        },
    ),
    (
        "p",
        {
            "bg": "Всичко е безплатно. Не е нужна регистрация.",
            "en": "Everything is free. You do not need to register.",
            "ar": "كل شيء مجاني. لا تحتاج إلى التسجيل.",
            "fa": "همه چیز رایگان است. نیازی به ثبت‌نام نیست.",
            "uk": "Усе безкоштовно. Реєстрація не потрібна.",
            "ru": "Всё бесплатно. Регистрация не нужна.",
            "tr": "Her şey ücretsiz. Kayıt olmanız gerekmez.",
        },
    ),
]
HOME_CALL_TO_ACTION: dict[str, Text] = {
    "heading": {
        "bg": "Кои сме ние",
        "en": "Who we are",
        "ar": "من نحن",
        "fa": "ما چه کسانی هستیم",
        "uk": "Хто ми",
        "ru": "Кто мы",
        "tr": "Biz kimiz",
    },
    "text": {
        "bg": "Научете как се появи платформата и кой стои зад нея.",
        "en": "Learn how the platform started and who is behind it.",
        "ar": "تعرّف على كيف بدأت المنصة ومن يقف وراءها.",
        "fa": "بدانید این پلتفرم چگونه آغاز شد و چه کسانی پشت آن هستند.",
        "uk": "Дізнайтеся, як з'явилася платформа і хто за нею стоїть.",
        "ru": "Узнайте, как появилась платформа и кто за ней стоит.",
        "tr": "Platformun nasıl başladığını ve arkasında kimlerin olduğunu öğrenin.",
    },
    "button_label": {
        "bg": "За платформата",
        "en": "About the platform",
        "ar": "عن المنصة",
        "fa": "درباره پلتفرم",
        "uk": "Про платформу",
        "ru": "О платформе",
        "tr": "Platform hakkında",
    },
}

ABOUT_SLUG: Text = {
    "bg": "za-platformata",
    "en": "about-the-platform",
    "ar": "about-the-platform",
    "fa": "about-the-platform",
    "uk": "pro-platformu",
    "ru": "o-platforme",
    "tr": "platform-hakkinda",
}
ABOUT_TITLE: Text = {
    "bg": "За платформата",
    "en": "About the platform",
    "ar": "عن المنصة",
    "fa": "درباره پلتفرم",
    "uk": "Про платформу",
    "ru": "О платформе",
    "tr": "Platform hakkında",
}
ABOUT_INTRO: Text = {
    "bg": "Тук обясняваме откъде идва платформата, за кого е и как работи.",
    "en": "Here we explain where the platform comes from, who it is for and how it works.",
    "ar": "هنا نشرح من أين جاءت المنصة، ولمن هي، وكيف تعمل.",
    "fa": "اینجا توضیح می‌دهیم این پلتفرم از کجا آمده، برای چه کسانی است و چگونه کار می‌کند.",
    "uk": "Тут ми пояснюємо, звідки взялася платформа, для кого вона і як працює.",
    "ru": "Здесь мы рассказываем, откуда появилась платформа, для кого она и как работает.",
    "tr": "Burada platformun nereden geldiğini, kimin için olduğunu ve nasıl çalıştığını "
    "anlatıyoruz.",
}
ABOUT_BODY: list[tuple[str, Text]] = [
    (
        "h2",
        {
            "bg": "За кого е",
            "en": "Who it is for",
            "ar": "لمن هذه المنصة",
            "fa": "برای چه کسانی است",
            "uk": "Для кого вона",
            "ru": "Для кого она",
            "tr": "Kimin için",
        },
    ),
    (
        "p",
        {
            "bg": "За хора, които наскоро са дошли да живеят в България: мигранти, бежанци и "
            "техните семейства. И за организациите и градовете, които им помагат.",
            "en": "For people who have recently come to live in Bulgaria: migrants, refugees "
            "and their families. And for the organisations and cities that help them.",
            "ar": "للأشخاص الذين جاؤوا مؤخراً للعيش في بلغاريا: المهاجرون واللاجئون "
            "وعائلاتهم. وللمنظمات والمدن التي تساعدهم.",
            "fa": "برای کسانی که به‌تازگی برای زندگی به بلغارستان آمده‌اند: مهاجران، "
            "پناهندگان و خانواده‌هایشان. و برای سازمان‌ها و شهرهایی که به آنها کمک می‌کنند.",
            "uk": "Для людей, які нещодавно приїхали жити до Болгарії: мігрантів, біженців "
            "та їхніх родин. А також для організацій і міст, які їм допомагають.",
            "ru": "Для людей, которые недавно приехали жить в Болгарию: мигрантов, беженцев "
            "и их семей. А также для организаций и городов, которые им помогают.",
            "tr": "Bulgaristan'a yakın zamanda yaşamaya gelen insanlar için: göçmenler, "
            "mülteciler ve aileleri. Ayrıca onlara yardım eden kuruluşlar ve şehirler için.",
        },
    ),
    (
        "h2",
        {
            "bg": "Откъде идва",
            "en": "Where it comes from",
            "ar": "من أين جاءت الفكرة",
            "fa": "از کجا آمده است",
            "uk": "Звідки вона взялася",
            "ru": "Откуда она появилась",
            "tr": "Nereden geliyor",
        },
    ),
    (
        "p",
        {
            "bg": "Идеята идва от проекта 2IMINED по програма „Еразъм+“. Той създаде "
            "дигитални уроци за възрастни мигранти през първата им година в новата страна.",
            "en": "The idea comes from the 2IMINED project of the Erasmus+ programme. It made "
            "digital lessons for adult migrants in their first year in a new country.",
            "ar": "جاءت الفكرة من مشروع 2IMINED ضمن برنامج إيراسموس+. أعدّ المشروع دروساً "
            "رقمية للمهاجرين البالغين في سنتهم الأولى في البلد الجديد.",
            "fa": "ایده از پروژه 2IMINED در برنامه اراسموس+ آمده است. این پروژه درس‌های "
            "دیجیتال برای مهاجران بزرگسال در سال اول زندگی در کشور جدید ساخت.",
            "uk": "Ідея походить від проєкту 2IMINED програми «Еразмус+». Він створив цифрові "
            "уроки для дорослих мігрантів у перший рік у новій країні.",
            "ru": "Идея пришла из проекта 2IMINED программы «Эразмус+». Он создал цифровые "
            "уроки для взрослых мигрантов в их первый год в новой стране.",
            "tr": "Fikir, Erasmus+ programındaki 2IMINED projesinden geliyor. Proje, yeni bir "
            "ülkedeki ilk yıllarında yetişkin göçmenler için dijital dersler hazırladı.",
        },
    ),
    (
        "p",
        {
            "bg": "Преди да напишат уроците, партньорите попитаха хората какво им трябва. "
            "В анкетата участваха 200 мигранти от всяка страна партньор. "
            "Още 15 преподаватели дадоха интервюта.",
            "en": "Before writing the lessons, the partners asked people what they need. "
            "The survey reached 200 migrants in each partner country. "
            "Another 15 teachers gave interviews.",
            "ar": "قبل كتابة الدروس، سأل الشركاء الناس عمّا يحتاجونه. شارك في الاستطلاع "
            "200 مهاجر في كل بلد شريك. وأجرى 15 معلماً مقابلات أيضاً.",
            "fa": "پیش از نوشتن درس‌ها، شرکا از مردم پرسیدند به چه چیزی نیاز دارند. "
            "در این نظرسنجی ۲۰۰ مهاجر در هر کشور شریک شرکت کردند. "
            "۱۵ معلم هم مصاحبه کردند.",
            "uk": "Перед тим як писати уроки, партнери запитали людей, що їм потрібно. "
            "В опитуванні взяли участь 200 мігрантів у кожній країні-партнері. "
            "Ще 15 викладачів дали інтерв'ю.",
            "ru": "Прежде чем писать уроки, партнёры спросили людей, что им нужно. "
            "В опросе участвовали 200 мигрантов в каждой стране-партнёре. "
            "Ещё 15 преподавателей дали интервью.",
            "tr": "Dersleri yazmadan önce ortaklar insanlara neye ihtiyaç duyduklarını sordu. "
            "Ankete her ortak ülkeden 200 göçmen katıldı. "
            "Ayrıca 15 öğretmenle görüşme yapıldı.",
        },
    ),
    (
        "p",
        {
            "bg": "През 2018 и 2019 г. София направи градски одит на интеграцията. "
            "В него участваха над 1000 души, всеки пети от тях – мигрант.",
            "en": "In 2018 and 2019, Sofia carried out a city integration audit. "
            "Over 1,000 people took part, one in five of them a migrant.",
            "ar": "في عامي 2018 و2019 أجرت صوفيا تقييماً للاندماج في المدينة. "
            "شارك فيه أكثر من 1000 شخص، واحد من كل خمسة منهم مهاجر.",
            "fa": "در سال‌های ۲۰۱۸ و ۲۰۱۹ شهر صوفیه یک ارزیابی ادغام شهری انجام داد. "
            "بیش از ۱۰۰۰ نفر در آن شرکت کردند و از هر پنج نفر یک نفر مهاجر بود.",
            "uk": "У 2018 і 2019 роках Софія провела міський аудит інтеграції. "
            "У ньому взяли участь понад 1000 людей, кожен п'ятий із них — мігрант.",
            "ru": "В 2018 и 2019 годах София провела городской аудит интеграции. "
            "В нём участвовали более 1000 человек, каждый пятый из них — мигрант.",
            "tr": "2018 ve 2019 yıllarında Sofya bir kent uyum denetimi yaptı. "
            "Buna 1000'den fazla kişi katıldı ve her beş kişiden biri göçmendi.",
        },
    ),
    (
        "h2",
        {
            "bg": "Как пишем",
            "en": "How we write",
            "ar": "كيف نكتب",
            "fa": "چگونه می‌نویسیم",
            "uk": "Як ми пишемо",
            "ru": "Как мы пишем",
            "tr": "Nasıl yazıyoruz",
        },
    ),
    (
        "p",
        {
            "bg": "Пишем с кратки изречения и прости думи. "
            "Така текстът се чете лесно и се превежда лесно с машинен превод.",
            "en": "We write short sentences with simple words. "
            "This makes the text easy to read and easy to translate by machine.",
            "ar": "نكتب جملاً قصيرة بكلمات بسيطة. هكذا تسهل قراءة النص وترجمته آلياً.",
            "fa": "ما جمله‌های کوتاه با کلمات ساده می‌نویسیم. "
            "این‌طور متن برای خواندن و ترجمه ماشینی آسان است.",
            "uk": "Ми пишемо короткими реченнями і простими словами. "
            "Так текст легко читати і легко перекладати машинним перекладом.",
            "ru": "Мы пишем короткими предложениями и простыми словами. "
            "Так текст легко читать и легко переводить машинным переводом.",
            "tr": "Kısa cümleler ve basit kelimelerle yazıyoruz. "
            "Böylece metni okumak ve makineyle çevirmek kolay olur.",
        },
    ),
]
ABOUT_QUOTE: dict[str, Text] = {
    "text": {
        "bg": "Едно изречение – една мисъл.",
        "en": "One sentence, one idea.",
        "ar": "جملة واحدة، فكرة واحدة.",
        "fa": "یک جمله، یک فکر.",
        "uk": "Одне речення — одна думка.",
        "ru": "Одно предложение — одна мысль.",
        "tr": "Bir cümle, bir düşünce.",
    },
    "attribution": {
        "bg": "Правило на нашите автори",
        "en": "The rule of our writers",
        "ar": "قاعدة كتّابنا",
        "fa": "قانون نویسندگان ما",
        "uk": "Правило наших авторів",
        "ru": "Правило наших авторов",
        "tr": "Yazarlarımızın kuralı",
    },
}
ABOUT_LANGUAGES: Text = {
    "bg": "Първо пишем текстовете на български. "
    "После ги превеждаме на английски, арабски, фарси, украински, руски и турски.",
    "en": "We write texts in Bulgarian first. "
    "Then we translate them into English, Arabic, Farsi, Ukrainian, Russian and Turkish.",
    "ar": "نكتب النصوص بالبلغارية أولاً. "
    "ثم نترجمها إلى الإنجليزية والعربية والفارسية والأوكرانية والروسية والتركية.",
    "fa": "متن‌ها را اول به بلغاری می‌نویسیم. "
    "بعد آنها را به انگلیسی، عربی، فارسی، اوکراینی، روسی و ترکی ترجمه می‌کنیم.",
    "uk": "Спершу ми пишемо тексти болгарською. "
    "Потім перекладаємо їх англійською, арабською, фарсі, українською, російською і турецькою.",
    "ru": "Сначала мы пишем тексты на болгарском. "
    "Потом переводим их на английский, арабский, фарси, украинский, русский и турецкий.",
    "tr": "Metinleri önce Bulgarca yazıyoruz. "
    "Sonra İngilizce, Arapça, Farsça, Ukraynaca, Rusça ve Türkçeye çeviriyoruz.",
}
ABOUT_CALL_TO_ACTION: dict[str, Text] = {
    "heading": {
        "bg": "Започнете оттук",
        "en": "Start here",
        "ar": "ابدأ من هنا",
        "fa": "از اینجا شروع کنید",
        "uk": "Почніть звідси",
        "ru": "Начните отсюда",
        "tr": "Buradan başlayın",
    },
    "text": {
        "bg": "Върнете се на началната страница и изберете тема.",
        "en": "Go back to the start page and choose a topic.",
        "ar": "عد إلى الصفحة الرئيسية واختر موضوعاً.",
        "fa": "به صفحه اصلی برگردید و یک موضوع انتخاب کنید.",
        "uk": "Поверніться на головну сторінку і виберіть тему.",
        "ru": "Вернитесь на главную страницу и выберите тему.",
        "tr": "Ana sayfaya dönün ve bir konu seçin.",
    },
    "button_label": {
        "bg": "Към началната страница",
        "en": "Go to the start page",
        "ar": "إلى الصفحة الرئيسية",
        "fa": "رفتن به صفحه اصلی",
        "uk": "На головну сторінку",
        "ru": "На главную страницу",
        "tr": "Ana sayfaya git",
    },
}

# The attitudes question of Sofia's city integration audit, as a poll (cms.polls). In the
# source language and English; the other languages show the English copy until translated.
POLL_QUESTION: Text = {
    "bg": "Кое мнение за икономическите мигранти е по-близо до вашето?",
    "en": "Which view of economic migrants is closer to yours?",
}
POLL_DESCRIPTION: Text = {
    "bg": "Този въпрос беше зададен при градския интеграционен одит на София. "
    "Гласът ви е анонимен.",
    "en": "Sofia's city integration audit asked people this question. Your vote is anonymous.",
}
POLL_OPTIONS: list[Text] = [
    {
        "bg": "Те помагат на страната с труда и уменията си.",
        "en": "They help the country with their work and their skills.",
    },
    {
        "bg": "Те натоварват страната: заемат работни места и жилища и ползват здравеопазването.",
        "en": "They are a burden: they take jobs and homes and use the health service.",
    },
]
