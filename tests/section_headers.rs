//! Section headers and prompts in every supported language: a header over other stories or over
//! comments is dropped with what it heads, a newsletter or paywall prompt is dropped, and the
//! article around them is kept. Each page is plain text written for the test, in the shape of a
//! news page of that language: a headline, the article, then the section or the prompt.

use std::sync::OnceLock;

use newsclean::{Category, Cleaner, Label, Outcome};

/// One cleaner for every test: the rules are compiled once.
fn cleaner() -> &'static Cleaner {
    static CLEANER: OnceLock<Cleaner> = OnceLock::new();
    CLEANER.get_or_init(|| Cleaner::new().expect("the built-in rules compile"))
}

/// The label and category of the block whose text is `text`.
fn verdict_of(outcome: &Outcome<'_>, text: &str) -> (Label, Category) {
    let block = outcome
        .blocks()
        .find(|b| b.text == text)
        .unwrap_or_else(|| panic!("no block {text:?}"));
    (block.verdict.label, block.verdict.category)
}

/// Cleans a page of `headline`, the `article` paragraphs and a `section` whose first line is its
/// header, and checks that every paragraph is kept and every line of the section is dropped as
/// `category`.
fn assert_header_drops_what_follows(
    headline: &str,
    article: &[&str],
    section: &[&str],
    category: Category,
) {
    let page = std::iter::once(headline)
        .chain(article.iter().copied())
        .chain(section.iter().copied())
        .collect::<Vec<_>>()
        .join("\n");
    let outcome = cleaner().clean_text(&page);
    for paragraph in article {
        assert_eq!(
            verdict_of(&outcome, paragraph).0,
            Label::Content,
            "{paragraph}"
        );
    }
    for line in section {
        assert_eq!(
            verdict_of(&outcome, line),
            (Label::Chrome, category),
            "{line}"
        );
    }
}

/// Cleans `page` (a headline, then paragraphs) and checks that the line at index `prompt` is
/// dropped as a subscription prompt and every paragraph is kept.
fn assert_prompt_dropped(page: &[&str], prompt: usize) {
    let text = page.join("\n");
    let outcome = cleaner().clean_text(&text);
    for (i, line) in page.iter().enumerate().skip(1) {
        if i == prompt {
            assert_eq!(
                verdict_of(&outcome, line),
                (Label::Chrome, Category::Subscribe),
                "{line}"
            );
        } else {
            assert_eq!(verdict_of(&outcome, line).0, Label::Content, "{line}");
        }
    }
}

/// `많이 읽은 기사` (most-read articles) heads a list of other stories.
#[test]
fn a_korean_most_read_header_drops_the_list_below_it() {
    let article = [
        "서울시는 물가 부담을 덜기 위해 내년 지하철과 시내버스 요금을 올해 수준으로 유지하기로 했다고 12일 밝혔다.",
        "시는 운송 적자를 메우기 위해 정부와 추가 지원 방안을 협의하고 있으며, 노선 조정과 운영 효율화도 함께 추진할 계획이다.",
        "시민단체들은 이번 결정을 환영하면서도 장기적으로는 요금 체계 전반에 대한 공론화가 필요하다고 지적했다.",
    ];
    let list = [
        "많이 읽은 기사",
        "겨울철 난방비 아끼는 다섯 가지 방법",
        "수도권 아파트 전셋값 석 달째 상승",
        "프로야구 FA 시장 개막, 대어급 선수 거취 관심",
    ];
    assert_header_drops_what_follows(
        "서울시, 내년 대중교통 요금 동결 결정",
        &article,
        &list,
        Category::Related,
    );
}

/// `Share your thoughts` opens a comment section: the comments below it are dropped, however long.
#[test]
fn an_english_share_your_thoughts_header_drops_the_comments_below_it() {
    let article = [
        "The city council approved a new budget on Tuesday night that sets aside more money for repairing roads and bridges across the county.",
        "Members argued for several hours over how to pay for the plan before voting seven to two in favour of a small increase in the local sales tax.",
        "The mayor said the first projects would start in the spring and that residents would be able to follow the work on a public map.",
    ];
    let comments = [
        "Share your thoughts",
        "Anna K.",
        "I drive over the river bridge every day and it is falling apart, so I am glad they finally decided to do something about it this year.",
        "Peter M.",
        "Another tax increase is the last thing families here need, and I doubt the money will ever reach the roads that are in the worst shape.",
    ];
    assert_header_drops_what_follows(
        "Council approves new budget for road repairs",
        &article,
        &comments,
        Category::Comments,
    );
}

/// `よく読まれている記事` (articles being read a lot) heads a ranking of other stories.
#[test]
fn a_japanese_most_read_articles_header_drops_the_list_below_it() {
    let article = [
        "気象庁によると、日本海側を中心に強い寒気が流れ込み、北陸や東北では週末にかけて大雪となる見込みだ。",
        "この影響で、一部の新幹線や在来線では運転の見合わせや遅れが出ており、鉄道各社は最新の運行情報を確認するよう呼びかけている。",
        "高速道路でも通行止めの区間があり、国土交通省は不要不急の外出を控えるよう求めている。",
    ];
    let list = [
        "よく読まれている記事",
        "年末年始の帰省ラッシュ、ピークは二十八日",
        "円相場、一時一ドル百五十円台に",
        "全国高校サッカー、きょう開幕",
    ];
    assert_header_drops_what_follows(
        "大雪で新幹線に遅れ、週末の帰省に影響",
        &article,
        &list,
        Category::Related,
    );
}

/// `相关报道` (related coverage), in simplified characters.
#[test]
fn a_simplified_chinese_related_coverage_header_drops_the_list_below_it() {
    let article = [
        "记者从多个省市了解到，今年以来各地陆续出台了一系列支持新能源汽车消费的政策，包括发放购车补贴和增加充电设施等。",
        "业内人士表示，这些措施有助于稳定汽车市场预期，同时也推动了相关产业链的发展，预计全年销量将继续保持增长。",
        "不过，也有专家提醒，部分地区充电桩数量仍然不足，农村地区的配套建设需要进一步加强。",
    ];
    let list = [
        "相关报道",
        "充电桩建设提速 年内新增五十万个",
        "汽车出口持续增长 前十个月同比上升",
        "多家车企公布新车型上市计划",
    ];
    assert_header_drops_what_follows(
        "多地出台措施支持新能源汽车消费",
        &article,
        &list,
        Category::Related,
    );
}

/// `延伸閱讀` (further reading), in traditional characters.
#[test]
fn a_traditional_chinese_further_reading_header_drops_the_list_below_it() {
    let article = [
        "中央氣象署表示，颱風暴風圈預計今晚接近東部海域，北部及東北部地區將有豪雨，民眾應提高警覺。",
        "多個縣市政府已宣布明天停止上班上課，交通部也提醒旅客注意航班與鐵路的異動，出門前先確認最新資訊。",
        "農業部呼籲農民儘早採收成熟作物，並做好防風措施，以減少可能的損失。",
    ];
    let list = [
        "延伸閱讀",
        "颱風假怎麼放？勞動部說明",
        "高鐵加開班次 疏運返鄉人潮",
        "農產品價格可能上漲 專家提醒",
    ];
    assert_header_drops_what_follows(
        "颱風逼近 多縣市宣布停班停課",
        &article,
        &list,
        Category::Related,
    );
}

/// `Verwandte Artikel` (related articles).
#[test]
fn a_german_related_articles_header_drops_the_list_below_it() {
    let article = [
        "Die Bahn will ab dem kommenden Fahrplanwechsel mehr schnelle Züge zwischen Berlin und München einsetzen, wie ein Sprecher am Dienstag mitteilte.",
        "Reisende sollen damit im Stundentakt fahren können, allerdings werden einige Halte in kleineren Städten künftig seltener bedient.",
        "Fahrgastverbände begrüßten die Pläne grundsätzlich, kritisierten aber, dass die Preise für viele Strecken im neuen Jahr erneut steigen.",
    ];
    let list = [
        "Verwandte Artikel",
        "Streik bei der Bahn: Was Fahrgäste wissen müssen",
        "Neue Preise im Nahverkehr ab Januar",
        "Wie pünktlich sind die Züge wirklich",
    ];
    assert_header_drops_what_follows(
        "Bahn kündigt neue Verbindungen zwischen Berlin und München an",
        &article,
        &list,
        Category::Related,
    );
}

/// `Articles liés` (related articles).
#[test]
fn a_french_related_articles_header_drops_the_list_below_it() {
    let article = [
        "Le prix moyen de la baguette a encore progressé cette année, selon une étude publiée mardi par une association de consommateurs.",
        "Les boulangers expliquent cette hausse par le coût de l'énergie et des matières premières, qui pèse lourdement sur leurs marges.",
        "Plusieurs artisans ont déjà réduit leurs horaires d'ouverture et certains envisagent de fermer leur boutique une journée de plus par semaine.",
    ];
    let list = [
        "Articles liés",
        "Énergie : les aides aux artisans prolongées",
        "La consommation de pain recule en France",
        "Inflation : les prix alimentaires ralentissent",
    ];
    assert_header_drops_what_follows(
        "Le prix de la baguette continue d'augmenter",
        &article,
        &list,
        Category::Related,
    );
}

/// `Artículos relacionados` (related articles).
#[test]
fn a_spanish_related_articles_header_drops_the_list_below_it() {
    let article = [
        "El Consejo de Ministros aprobó este martes un plan de choque para reducir las listas de espera en la sanidad pública durante los próximos dos años.",
        "La medida incluye la contratación de nuevos profesionales y la ampliación del horario de los quirófanos en los hospitales con más retrasos.",
        "Los sindicatos del sector valoraron el anuncio, aunque advirtieron de que sin más financiación para las comunidades el plan tendrá un efecto limitado.",
    ];
    let list = [
        "Artículos relacionados",
        "Las urgencias de los hospitales, al límite en invierno",
        "Faltan médicos de familia en las zonas rurales",
        "Sanidad anuncia una nueva campaña de vacunación",
    ];
    assert_header_drops_what_follows(
        "El Gobierno aprueba un plan para reducir las listas de espera",
        &article,
        &list,
        Category::Related,
    );
}

/// `Notizie correlate` (related news).
#[test]
fn an_italian_related_news_header_drops_the_list_below_it() {
    let article = [
        "La Regione ha presentato martedì il piano per rinnovare la flotta dei treni regionali, che prevede l'arrivo di cento nuovi convogli entro tre anni.",
        "Secondo l'assessore ai trasporti, i nuovi treni saranno più capienti e consentiranno di ridurre i ritardi sulle linee più frequentate dai pendolari.",
        "I comitati dei viaggiatori hanno accolto con favore l'annuncio, ma chiedono anche più corse nelle ore serali e nei giorni festivi.",
    ];
    let list = [
        "Notizie correlate",
        "Sciopero dei trasporti, le fasce garantite",
        "Abbonamenti, arrivano gli sconti per gli studenti",
        "Cantieri sulla linea, cambiano gli orari",
    ];
    assert_header_drops_what_follows(
        "Treni regionali, in arrivo cento nuovi convogli",
        &article,
        &list,
        Category::Related,
    );
}

/// `Matérias relacionadas` (related stories), as Brazilian sites word it.
#[test]
fn a_brazilian_portuguese_related_stories_header_drops_the_list_below_it() {
    let article = [
        "O governo federal anunciou nesta terça-feira um novo programa de moradia popular, com a meta de entregar milhares de casas nos próximos quatro anos.",
        "Segundo o ministério, as famílias de baixa renda terão prioridade e poderão financiar os imóveis com juros menores do que os praticados pelo mercado.",
        "Especialistas elogiaram a iniciativa, mas alertaram que as obras precisam chegar também às cidades pequenas do interior do país.",
    ];
    let list = [
        "Matérias relacionadas",
        "Preço do aluguel sobe pelo quinto mês seguido",
        "Construção civil abre vagas em todo o país",
        "Caixa amplia crédito para a casa própria",
    ];
    assert_header_drops_what_follows(
        "Governo anuncia novo programa de moradia popular",
        &article,
        &list,
        Category::Related,
    );
}

/// `Também lhe pode interessar` (this may interest you too), as Portuguese sites word it.
#[test]
fn a_european_portuguese_you_may_also_like_header_drops_the_list_below_it() {
    let article = [
        "A câmara municipal aprovou esta terça-feira novas regras para o alojamento local, que limitam a abertura de novos registos no centro histórico.",
        "O vereador responsável afirmou que a medida pretende devolver casas aos residentes e travar a subida das rendas nos bairros mais procurados.",
        "As associações do setor criticaram a decisão e admitem contestar o regulamento nos tribunais nas próximas semanas.",
    ];
    let list = [
        "Também lhe pode interessar",
        "Rendas voltam a subir nas grandes cidades",
        "Turismo bate recorde no verão",
        "Governo prepara apoio aos jovens para comprar casa",
    ];
    assert_header_drops_what_follows(
        "Câmara aprova novas regras para o alojamento local",
        &article,
        &list,
        Category::Related,
    );
}

/// `Похожие статьи` (similar articles).
#[test]
fn a_russian_similar_articles_header_drops_the_list_below_it() {
    let article = [
        "Власти города сообщили во вторник, что до конца года в Москве откроются еще несколько станций метро на строящейся линии.",
        "По словам чиновников, новые станции позволят сократить время в пути для жителей отдаленных районов почти на полчаса.",
        "Эксперты отмечают, что вместе с метро необходимо развивать и наземный транспорт, иначе часть пассажиров по-прежнему будет стоять в пробках.",
    ];
    let list = [
        "Похожие статьи",
        "Как изменятся цены на проезд в новом году",
        "В городе появятся новые велодорожки",
        "Пробки в центре стали короче",
    ];
    assert_header_drops_what_follows(
        "В Москве откроют новые станции метро",
        &article,
        &list,
        Category::Related,
    );
}

/// `댓글 작성` (write a comment) opens the comment section.
#[test]
fn a_korean_write_a_comment_header_drops_the_comments_below_it() {
    let article = [
        "서울시는 다음 달부터 주요 도심 공원의 야간 개방 시간을 밤 열한 시까지 연장한다고 밝혔다.",
        "시는 조명과 안전 요원을 늘리고, 주변 주민들의 불편을 줄이기 위해 소음 관리 구역도 함께 지정할 예정이다.",
        "시민들은 퇴근 후에도 산책을 즐길 수 있게 됐다며 대체로 반기는 분위기지만 일부 주민은 소음 문제를 걱정하고 있다.",
    ];
    let comments = [
        "댓글 작성",
        "김철수",
        "퇴근하고 아이들이랑 산책할 곳이 생겨서 정말 좋네요. 다만 밤늦게 오토바이 소음이 없었으면 좋겠습니다.",
        "박영희",
        "공원 근처에 살고 있는데 밤마다 시끄러울까 봐 걱정입니다. 소음 관리를 제대로 해 주셨으면 합니다.",
    ];
    assert_header_drops_what_follows(
        "도심 공원 야간 개방 시간 연장",
        &article,
        &comments,
        Category::Comments,
    );
}

/// `我来说两句` (let me say a few words) is a comment box header on Chinese portals.
#[test]
fn a_chinese_say_a_few_words_header_drops_the_comments_below_it() {
    let article = [
        "市园林部门日前宣布，从下月起全市主要公园将延长夜间开放时间，方便市民在下班后散步和锻炼身体。",
        "有关负责人表示，公园将增加照明设施和安保人员，并在部分区域设置安静区，减少对周边居民的影响。",
        "不少市民对此表示欢迎，也有人建议同时增加公共卫生间和饮水设施，提升夜间游园的体验。",
    ];
    let comments = [
        "我来说两句",
        "网友小李",
        "下班以后终于可以带孩子去公园散步了，希望晚上的安全管理也能跟上，不要出现乱停车的情况。",
        "网友阿明",
        "建议公园里多设置一些长椅和垃圾桶，晚上人多的时候环境卫生一定要保持好。",
    ];
    assert_header_drops_what_follows(
        "城市公园将延长夜间开放时间",
        &article,
        &comments,
        Category::Comments,
    );
}

/// `Schreiben Sie einen Kommentar` (write a comment) opens the comment section.
#[test]
fn a_german_write_a_comment_header_drops_the_comments_below_it() {
    let article = [
        "Der Gemeinderat hat am Mittwochabend mit großer Mehrheit ein neues Parkkonzept für die Innenstadt beschlossen, das ab dem Frühjahr gelten soll.",
        "Kurzzeitparken wird damit teurer, dafür sollen Anwohner ihre Parkausweise künftig online beantragen und deutlich schneller erhalten können.",
        "Der Einzelhandel befürchtet weniger Kundschaft, während die Verkehrsverbände mehr Platz für Radfahrer und Fußgänger begrüßen.",
    ];
    let comments = [
        "Schreiben Sie einen Kommentar",
        "Klaus R.",
        "Ich wohne seit zwanzig Jahren in der Altstadt und finde es gut, dass endlich etwas gegen den Parksuchverkehr unternommen wird.",
        "Sabine",
        "Wer soll denn noch in der Stadt einkaufen, wenn jede Stunde Parken so viel kostet wie ein Mittagessen?",
    ];
    assert_header_drops_what_follows(
        "Gemeinderat beschließt neues Parkkonzept für die Innenstadt",
        &article,
        &comments,
        Category::Comments,
    );
}

/// A count before the word (`12 комментариев`, 12 comments) heads the comments as `Comments (12)` does.
#[test]
fn a_russian_comment_count_drops_the_comments_below_it() {
    let article = [
        "Власти региона объявили о начале отопительного сезона раньше обычного из-за резкого похолодания в последние дни.",
        "Коммунальные службы обещают подключить все жилые дома к теплу в течение недели, в первую очередь школы и больницы.",
        "Жители нескольких районов уже пожаловались на холодные батареи, и городская администрация открыла для обращений горячую линию.",
    ];
    let comments = [
        "12 комментариев",
        "Ирина",
        "У нас в доме батареи до сих пор холодные, а управляющая компания не отвечает на звонки уже третий день подряд.",
        "Сергей",
        "В нашем районе тепло дали еще вчера, так что спасибо коммунальщикам за оперативную работу в этом году.",
    ];
    assert_header_drops_what_follows(
        "В регионе начался отопительный сезон",
        &article,
        &comments,
        Category::Comments,
    );
}

/// `Receba as notícias … no seu e-mail` (get the news in your e-mail) is a newsletter prompt, even written as a sentence inside the article.
#[test]
fn a_portuguese_news_by_email_prompt_between_paragraphs_is_dropped() {
    let page = [
        "Prefeitura lança programa de hortas comunitárias",
        "A prefeitura lançou nesta segunda-feira um programa que vai transformar terrenos abandonados em hortas comunitárias em vários bairros da cidade.",
        "Os moradores interessados poderão se inscrever nas subprefeituras e receberão sementes, ferramentas e orientação de técnicos agrícolas.",
        "Receba as notícias mais importantes do dia no seu e-mail, de graça e sem compromisso.",
        "Segundo a secretaria, a produção será distribuída entre as famílias participantes e também doada a escolas e creches da região.",
    ];
    assert_prompt_dropped(&page, 3);
}

/// `Recibe nuestro boletín …` (get our newsletter) is a newsletter prompt inside the article.
#[test]
fn a_spanish_newsletter_prompt_between_paragraphs_is_dropped() {
    let page = [
        "La ciudad amplía el horario de las bibliotecas públicas",
        "El ayuntamiento anunció este lunes que las bibliotecas públicas abrirán también los domingos por la mañana a partir del próximo mes.",
        "La concejala de Cultura explicó que la medida responde a la demanda de estudiantes y familias que no pueden acudir entre semana.",
        "Recibe nuestro boletín con las noticias más importantes de la ciudad todas las mañanas en tu correo.",
        "Las bibliotecas ofrecerán además talleres de lectura para niños y cursos gratuitos de informática para personas mayores.",
    ];
    assert_prompt_dropped(&page, 3);
}

/// `… per continuare a leggere …` (to keep reading) is a paywall prompt.
#[test]
fn an_italian_paywall_prompt_after_the_article_is_dropped() {
    let page = [
        "Il comune approva il piano per le piste ciclabili",
        "Il consiglio comunale ha approvato ieri sera il nuovo piano per le piste ciclabili, che prevede quaranta chilometri di percorsi entro il prossimo anno.",
        "L'assessore alla mobilità ha spiegato che le nuove corsie collegheranno le scuole, le stazioni e i principali quartieri residenziali della città.",
        "I commercianti del centro hanno chiesto di essere coinvolti nella progettazione per evitare la perdita di parcheggi davanti ai negozi.",
        "Questo articolo è riservato: per continuare a leggere attiva l'offerta digitale a un euro al mese.",
    ];
    assert_prompt_dropped(&page, 4);
}

/// `If you enjoyed this article, …` closing an article is an appeal for support, however
/// much it reads like prose.
#[test]
fn an_english_appeal_after_the_article_is_dropped() {
    let page = [
        "City extends library opening hours",
        "The city council announced on Monday that public libraries will also open on Sunday mornings from next month, after a year of requests from residents.",
        "The head of culture said the change answers students and families who cannot visit during the week, and that no branch will close earlier on weekdays.",
        "Libraries will also offer reading workshops for children and free computer classes for older people, run by volunteers from local schools.",
        "If you enjoyed this article, please consider supporting our local reporting with a subscription from just one dollar a week.",
    ];
    assert_prompt_dropped(&page, 4);
}

/// `Los libros más leídos del año` (the most read books of the year) is a subheading of the
/// article, not a most-read list: only a line that is nothing but `Las más leídas` heads one.
#[test]
fn a_spanish_subheading_about_the_most_read_books_does_not_end_the_article() {
    let article = [
        "Las bibliotecas públicas de la ciudad prestaron el año pasado más libros que nunca, según el informe anual publicado este lunes por el ayuntamiento.",
        "El aumento se explica en parte por la apertura de dos nuevas salas de lectura y por la ampliación del horario durante los fines de semana.",
        "Los libros más leídos del año",
        "Entre los títulos con más préstamos figuran varias novelas policiacas y una biografía de un conocido futbolista que se publicó en primavera.",
        "Los bibliotecarios destacan también el interés creciente por los cómics y los libros ilustrados entre los lectores más jóvenes de los barrios.",
    ];
    let list = [
        "Las más leídas",
        "La nueva ley de vivienda entra en vigor",
        "Cortes de tráfico por las obras del metro",
    ];
    assert_header_drops_what_follows(
        "Las bibliotecas registran un récord de préstamos",
        &article,
        &list,
        Category::Related,
    );
}

/// `اقرأ أيضا` (read also) heads a list of other stories on Arabic sites.
#[test]
fn an_arabic_read_also_header_drops_the_list_below_it() {
    let list = [
        "اقرأ أيضا",
        "ارتفاع أسعار الوقود للمرة الثالثة هذا العام",
        "افتتاح جسر جديد فوق النهر",
        "الأمطار تغلق عددا من الطرق في المدينة",
    ];
    assert_header_drops_what_follows(
        "خطة جديدة لتوسيع شبكة الحافلات",
        &ARABIC_ARTICLE,
        &list,
        Category::Related,
    );
}

/// `أضف تعليقا` (add a comment) opens the comment section.
#[test]
fn an_arabic_add_a_comment_header_drops_the_comments_below_it() {
    let comments = [
        "أضف تعليقا",
        "أحمد",
        "خطوة ممتازة، نتمنى أن تصل الحافلات إلى حينا قريبا لأن المواصلات عندنا صعبة جدا.",
        "سارة",
        "المهم أن تبقى الأسعار مناسبة للجميع، وإلا فلن يستفيد منها الناس.",
    ];
    assert_header_drops_what_follows(
        "خطة جديدة لتوسيع شبكة الحافلات",
        &ARABIC_ARTICLE,
        &comments,
        Category::Comments,
    );
}

/// An Arabic article of three paragraphs.
const ARABIC_ARTICLE: [&str; 3] = [
    "أعلنت بلدية المدينة يوم الثلاثاء عن خطة جديدة لتوسيع شبكة الحافلات العامة خلال العام المقبل، بهدف تخفيف الازدحام في الشوارع الرئيسية.",
    "وقال رئيس البلدية في مؤتمر صحفي إن المشروع سيشمل إضافة خمسين حافلة كهربائية وإنشاء محطات جديدة في الأحياء البعيدة عن وسط المدينة.",
    "ورحب السكان بالخطة، لكن بعضهم أبدى قلقه من ارتفاع أسعار التذاكر، مطالبين بتوفير اشتراكات مخفضة للطلاب وكبار السن.",
];
