//! Chrome wording in every supported language: skip links, share rows, bylines, date lines, photo
//! credits, ad labels, copyright lines and author boxes, each on a short plain-text page around
//! article paragraphs written in that language. The paragraphs must be kept and the chrome dropped
//! under the category that names it.

use std::sync::OnceLock;

use newsclean::{Category, Cleaner, Label, Outcome, Verdict};

/// One cleaner for every test: the rules are compiled once.
fn cleaner() -> &'static Cleaner {
    static CLEANER: OnceLock<Cleaner> = OnceLock::new();
    CLEANER.get_or_init(|| Cleaner::new().expect("the built-in rules compile"))
}

/// What a line of a test page must become.
#[derive(Clone, Copy)]
enum Want {
    /// Kept as article content.
    Keep,
    /// Dropped, with this category.
    Drop(Category),
    /// Not checked (titles, which the page gives no way to tell apart).
    Either,
}

use Want::{Drop, Either, Keep};

/// The verdict of the block whose text is `line`.
fn verdict_of<'o>(outcome: &'o Outcome<'_>, line: &str) -> &'o Verdict {
    outcome
        .blocks()
        .find(|b| b.text.trim() == line)
        .unwrap_or_else(|| panic!("no block reads {line:?}"))
        .verdict
}

/// Cleans the page made of `lines` and checks every line against what it must become, reporting
/// all mismatches at once.
fn check(lines: &[(&str, Want)]) {
    let page = lines
        .iter()
        .map(|(line, _)| *line)
        .collect::<Vec<_>>()
        .join("\n");
    let outcome = cleaner().clean_text(&page);
    let mut wrong = Vec::new();
    for &(line, want) in lines {
        let verdict = verdict_of(&outcome, line);
        let ok = match want {
            Keep => verdict.label == Label::Content,
            Drop(category) => verdict.label == Label::Chrome && verdict.category == category,
            Either => true,
        };
        if !ok {
            wrong.push(format!(
                "{line:?}: got {:?} / {:?}",
                verdict.label, verdict.category
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn korean_share_row_ad_and_author_profile_are_dropped() {
    check(&[
        ("본문으로 이동", Drop(Category::Nav)),
        ("시, 내년부터 공공자전거 요금 동결", Either),
        ("글=박서연", Drop(Category::Meta)),
        ("페이스북 트위터 카카오톡 링크복사", Drop(Category::Share)),
        (
            "시는 내년 한 해 동안 공공자전거 이용 요금을 올리지 않기로 했다고 14일 밝혔다. 물가 상승으로 운영비 부담이 커졌지만 시민들의 교통비 부담을 덜기 위해 요금을 그대로 유지하기로 했다는 설명이다.",
            Keep,
        ),
        ("사진 출처: 시청 홍보실", Drop(Category::Caption)),
        ("광고 닫기", Drop(Category::Ads)),
        (
            "현재 공공자전거 정기권은 한 달에 5천 원, 일 년에 3만 원이다. 시는 대신 고장 난 자전거를 빨리 고칠 수 있도록 정비 인력을 늘리고 대여소도 40곳 더 설치할 계획이다.",
            Keep,
        ),
        (
            "이용자들은 대체로 반기는 분위기다. 출퇴근길에 자전거를 탄다는 한 회사원은 요금이 오르지 않는 것도 좋지만 대여소에 자전거가 없는 경우가 많아 그 문제부터 해결됐으면 좋겠다고 말했다.",
            Keep,
        ),
        ("무단 복제 및 AI학습 이용 금지", Drop(Category::Legal)),
        ("기자 프로필", Drop(Category::Meta)),
        (
            "박서연 기자는 2018년 입사해 사회부와 경제부를 거쳤으며 지금은 교통과 도시 문제를 취재하고 있습니다.",
            Drop(Category::Meta),
        ),
    ]);
}

#[test]
fn english_skip_link_ad_report_button_and_author_box_are_dropped() {
    check(&[
        ("Skip navigation", Drop(Category::Nav)),
        ("Library opening hours extended over winter", Either),
        ("Author: Jane Porter", Drop(Category::Meta)),
        ("Email this article", Drop(Category::Share)),
        (
            "The central library will stay open until nine in the evening on weekdays from December, the council said on Thursday, after a survey found that many residents could not visit during working hours.",
            Keep,
        ),
        ("Courtesy of the Riverside Council", Drop(Category::Caption)),
        ("Report this ad", Drop(Category::Ads)),
        ("Video Ad Feedback", Drop(Category::Ads)),
        (
            "The longer hours will be paid for by moving two staff posts from the mobile library service, which will visit outlying villages once a fortnight instead of once a week.",
            Keep,
        ),
        (
            "Librarians welcomed the change but warned that the building's heating system was old and that the extra evenings would add to its running costs over the coldest months.",
            Keep,
        ),
        ("About the author", Drop(Category::Meta)),
        (
            "Jane Porter has covered local government and public services for the paper since 2016, after several years as a court reporter.",
            Drop(Category::Meta),
        ),
    ]);
}

#[test]
fn german_ad_labels_photo_credits_and_author_box_are_dropped() {
    check(&[
        ("Zum Hauptinhalt springen", Drop(Category::Nav)),
        ("Stadtrat beschließt neue Buslinie", Either),
        ("Autorin: Katrin Albers", Drop(Category::Meta)),
        (
            "Donnerstag, 14. November 2024, 18:12 Uhr",
            Drop(Category::Meta),
        ),
        ("Lesezeit: 4 Min.", Drop(Category::Meta)),
        ("Artikel anhören", Drop(Category::Share)),
        (
            "Ab dem Fahrplanwechsel im Dezember fährt eine neue Buslinie vom Hauptbahnhof in die Neubaugebiete im Norden der Stadt. Das hat der Stadtrat am Donnerstagabend mit großer Mehrheit beschlossen.",
            Keep,
        ),
        ("Bildquelle: Stadtverwaltung", Drop(Category::Caption)),
        ("Gesponserter Inhalt", Drop(Category::Ads)),
        (
            "Die Busse sollen tagsüber alle zwanzig Minuten fahren, am Abend und am Wochenende jede halbe Stunde. Die Stadtwerke rechnen mit rund dreitausend Fahrgästen am Tag.",
            Keep,
        ),
        (
            "Anwohner hatten die Verbindung seit Jahren gefordert. Bisher müssen sie bis zur nächsten Straßenbahnhaltestelle fast zwei Kilometer laufen oder mit dem Auto fahren.",
            Keep,
        ),
        (
            "Nachdruck nur mit Genehmigung des Verlags.",
            Drop(Category::Legal),
        ),
        ("Über den Autor", Drop(Category::Meta)),
        (
            "Katrin Albers ist seit 2015 Redakteurin im Lokalressort und schreibt vor allem über Verkehr und Stadtentwicklung.",
            Drop(Category::Meta),
        ),
    ]);
}

#[test]
fn french_ad_notice_illustration_credit_and_author_box_are_dropped() {
    check(&[
        ("Passer au contenu", Drop(Category::Nav)),
        (
            "La piscine municipale rouvre après deux ans de travaux",
            Either,
        ),
        ("Auteur : Julien Moreau", Drop(Category::Meta)),
        ("jeudi 8 février 2024, 07h00", Drop(Category::Meta)),
        ("Copier le lien", Drop(Category::Share)),
        (
            "Fermée depuis le printemps 2022, la piscine municipale rouvrira ses portes au public lundi prochain. Les travaux ont permis de refaire entièrement les bassins et de rénover les vestiaires.",
            Keep,
        ),
        ("Photo d'illustration", Drop(Category::Caption)),
        ("La suite après cette publicité", Drop(Category::Ads)),
        (
            "Le chantier a coûté près de six millions d'euros, financés en grande partie par la commune et par la région. Il a pris plusieurs mois de retard à cause de la hausse du prix des matériaux.",
            Keep,
        ),
        (
            "Les horaires d'ouverture seront élargis le soir en semaine, et les écoles de la ville pourront de nouveau y organiser leurs cours de natation dès la rentrée de janvier.",
            Keep,
        ),
        (
            "Toute reproduction interdite sans autorisation.",
            Drop(Category::Legal),
        ),
        ("À propos de l'auteur", Drop(Category::Meta)),
        (
            "Julien Moreau est journaliste au service local depuis 2012. Il suit l'actualité des communes du sud du département.",
            Drop(Category::Meta),
        ),
    ]);
}

#[test]
fn spanish_sponsored_label_file_photo_and_author_box_are_dropped() {
    check(&[
        ("Saltar al contenido", Drop(Category::Nav)),
        (
            "El ayuntamiento amplía el horario de las bibliotecas",
            Either,
        ),
        ("Texto: Lucía Barrientos", Drop(Category::Meta)),
        ("14 de noviembre de 2024 - 18:30", Drop(Category::Meta)),
        ("Compartir por correo", Drop(Category::Share)),
        (
            "Las bibliotecas municipales abrirán también los sábados por la tarde a partir del próximo mes, según anunció este jueves el ayuntamiento tras recibir cientos de peticiones de estudiantes.",
            Keep,
        ),
        (
            "Imagen de archivo de la biblioteca central",
            Drop(Category::Caption),
        ),
        ("Contenido patrocinado", Drop(Category::Ads)),
        (
            "La ampliación del horario costará unos doscientos mil euros al año y obligará a contratar a seis personas más, que se repartirán entre los cuatro centros de la ciudad.",
            Keep,
        ),
        (
            "Los estudiantes llevaban meses quejándose de la falta de espacios para estudiar durante la época de exámenes, cuando las salas se llenan a primera hora de la mañana.",
            Keep,
        ),
        (
            "Queda prohibida la reproducción total o parcial de este contenido.",
            Drop(Category::Legal),
        ),
        ("Acerca del autor", Drop(Category::Meta)),
        (
            "Lucía Barrientos es periodista de la sección de local desde 2017 y escribe sobre educación y servicios públicos.",
            Drop(Category::Meta),
        ),
    ]);
}

#[test]
fn brazilian_portuguese_ad_notice_share_row_and_author_box_are_dropped() {
    check(&[
        ("Ir para o conteúdo", Drop(Category::Nav)),
        ("Prefeitura anuncia reforma de dez escolas", Either),
        ("Por: Mariana Costa", Drop(Category::Meta)),
        (
            "segunda-feira, 18 de novembro de 2024 às 10:15",
            Drop(Category::Meta),
        ),
        (
            "Compartilhe: Facebook | WhatsApp | X",
            Drop(Category::Share),
        ),
        (
            "A prefeitura anunciou nesta segunda-feira a reforma de dez escolas municipais que apresentam problemas no telhado e na rede elétrica. As obras devem começar durante as férias de janeiro.",
            Keep,
        ),
        ("Imagem ilustrativa", Drop(Category::Caption)),
        ("CONTINUA APÓS A PUBLICIDADE", Drop(Category::Ads)),
        (
            "O investimento previsto é de cerca de doze milhões de reais, com recursos do município e do governo estadual. Segundo a secretaria de educação, nenhuma escola ficará fechada durante o ano letivo.",
            Keep,
        ),
        (
            "Pais de alunos dizem que esperam pela reforma há anos e reclamam que, em dias de chuva forte, algumas salas de aula precisam ser esvaziadas por causa das goteiras.",
            Keep,
        ),
        (
            "É proibida a reprodução deste conteúdo.",
            Drop(Category::Legal),
        ),
        ("Sobre o autor", Drop(Category::Meta)),
        (
            "Mariana Costa é repórter de cidades desde 2019 e cobre educação, saúde e transporte público.",
            Drop(Category::Meta),
        ),
    ]);
}

#[test]
fn european_portuguese_share_and_footer_wording_is_dropped() {
    check(&[
        ("Saltar para o conteúdo", Drop(Category::Nav)),
        ("Câmara aprova novo parque junto ao rio", Either),
        ("Partilhe este artigo", Drop(Category::Share)),
        (
            "A câmara municipal aprovou esta quinta-feira a construção de um parque urbano junto ao rio, num terreno que estava abandonado há mais de vinte anos. A obra deverá estar concluída dentro de dois anos.",
            Keep,
        ),
        ("Continua depois da publicidade", Drop(Category::Ads)),
        (
            "O projecto prevê percursos pedonais, uma ciclovia e uma zona de merendas. Os moradores da freguesia vão poder apresentar sugestões numa sessão pública marcada para o próximo mês.",
            Keep,
        ),
        (
            "A oposição votou a favor, mas pediu que o executivo garanta a manutenção do espaço depois de inaugurado, lembrando que outros jardins da cidade estão ao abandono.",
            Keep,
        ),
        (
            "Termos de utilização | Política de privacidade | Estatuto editorial",
            Drop(Category::Legal),
        ),
        ("Voltar ao topo", Drop(Category::Nav)),
    ]);
}

#[test]
fn italian_sponsored_content_archive_photo_and_author_box_are_dropped() {
    check(&[
        ("Salta al contenuto", Drop(Category::Nav)),
        ("Il comune rinnova il parco giochi di via Roma", Either),
        ("Autore: Marco Rinaldi", Drop(Category::Meta)),
        ("Aggiornato: 14 gennaio 2025, 18:30", Drop(Category::Meta)),
        ("Ascolta l'articolo", Drop(Category::Share)),
        (
            "Il parco giochi di via Roma sarà completamente rinnovato entro l'estate. Lo ha deciso la giunta comunale, che ha stanziato trecentomila euro per sostituire le attrezzature e rifare la pavimentazione.",
            Keep,
        ),
        ("Foto di repertorio", Drop(Category::Caption)),
        ("Contenuto sponsorizzato", Drop(Category::Ads)),
        (
            "I lavori cominceranno a marzo e dureranno circa tre mesi. Durante il cantiere i bambini potranno usare l'area verde della scuola elementare, aperta anche il pomeriggio.",
            Keep,
        ),
        (
            "Le famiglie del quartiere chiedevano da tempo un intervento, perché molti giochi erano rotti e alcune panchine erano state tolte per motivi di sicurezza.",
            Keep,
        ),
        ("Riproduzione riservata", Drop(Category::Legal)),
        ("Sull'autore", Drop(Category::Meta)),
        (
            "Marco Rinaldi è giornalista della redazione cronaca dal 2014 e si occupa di scuola, ambiente e lavori pubblici.",
            Drop(Category::Meta),
        ),
    ]);
}

#[test]
fn russian_ad_marking_photo_credit_and_author_box_are_dropped() {
    check(&[
        ("Перейти к основному содержанию", Drop(Category::Nav)),
        ("В городе откроют новую поликлинику", Either),
        ("Автор: Анна Савельева", Drop(Category::Meta)),
        ("14 ноября 2024, 16:48", Drop(Category::Meta)),
        ("Скопировать ссылку", Drop(Category::Share)),
        (
            "В северном районе города до конца следующего года построят новую поликлинику. Об этом в четверг сообщили в городской администрации после подписания контракта с подрядчиком.",
            Keep,
        ),
        (
            "Фотография: пресс-служба администрации",
            Drop(Category::Caption),
        ),
        ("На правах рекламы", Drop(Category::Ads)),
        (
            "Поликлиника будет рассчитана на шестьсот посещений в смену. В здании разместят детское и взрослое отделения, а также кабинеты для диагностики и дневной стационар.",
            Keep,
        ),
        (
            "Жители района давно добивались строительства: сейчас им приходится ездить к врачам в центр города, и дорога на общественном транспорте занимает больше часа.",
            Keep,
        ),
        (
            "При использовании материалов ссылка на сайт обязательна.",
            Drop(Category::Legal),
        ),
        ("Об авторе", Drop(Category::Meta)),
        (
            "Анна Савельева работает в отделе городских новостей с 2016 года и пишет о здравоохранении и социальной политике.",
            Drop(Category::Meta),
        ),
    ]);
}

#[test]
fn japanese_date_line_photo_credit_bracketed_byline_and_profile_are_dropped() {
    check(&[
        ("本文へスキップ", Drop(Category::Nav)),
        ("市立図書館、来春から夜9時まで開館", Either),
        ("2024年11月14日 18時30分", Drop(Category::Meta)),
        ("Xでシェア", Drop(Category::Share)),
        (
            "市は14日、市立中央図書館の開館時間を来年4月から平日は午後9時まで延長すると発表した。仕事帰りの会社員や学生からの要望が多かったためで、現在より2時間長くなる。",
            Keep,
        ),
        ("写真提供：市教育委員会", Drop(Category::Caption)),
        ("スポンサーリンク", Drop(Category::Ads)),
        (
            "延長に伴い、夜間の貸し出しや返却の窓口も開けるほか、自習室の席数を増やす。必要な費用は年間およそ3000万円で、職員の配置を見直して賄うという。",
            Keep,
        ),
        (
            "図書館を利用する大学生は「夕方に閉まってしまうので、これまでは週末しか来られなかった。とても助かる」と話していた。",
            Keep,
        ),
        ("（佐藤健一）", Drop(Category::Meta)),
        ("記事の無断転用を禁じます。", Drop(Category::Legal)),
        ("著者プロフィール", Drop(Category::Meta)),
        (
            "佐藤健一は2010年入社。社会部で教育や地域行政を担当し、現在は市政を取材している。",
            Drop(Category::Meta),
        ),
    ]);
}

#[test]
fn simplified_chinese_byline_image_source_and_author_bio_are_dropped() {
    check(&[
        ("跳过导航", Drop(Category::Nav)),
        ("我市老旧小区加装电梯补贴提高", Either),
        ("文/李明", Drop(Category::Meta)),
        ("2024年11月14日 18:30", Drop(Category::Meta)),
        ("复制链接", Drop(Category::Share)),
        (
            "记者从市住建局获悉，从明年1月1日起，我市老旧小区加装电梯的补贴标准将由每台20万元提高到30万元，审批流程也将同步简化。",
            Keep,
        ),
        ("图片来源：市住建局", Drop(Category::Caption)),
        ("关闭广告", Drop(Category::Ads)),
        (
            "据介绍，今年全市已有86个小区完成电梯加装，但仍有不少居民反映自筹资金压力较大，希望政府加大支持力度。新政策实施后，居民个人承担的费用有望明显减少。",
            Keep,
        ),
        (
            "住建局有关负责人表示，下一步将继续优化服务，为加装电梯的小区提供设计、施工和维护的一站式指导。",
            Keep,
        ),
        ("转载请注明出处", Drop(Category::Legal)),
        ("作者简介", Drop(Category::Meta)),
        (
            "李明，本报城市新闻部记者，长期关注住房、交通和城市更新等民生话题。",
            Drop(Category::Meta),
        ),
    ]);
}

#[test]
fn traditional_chinese_share_ad_and_footer_wording_is_dropped() {
    check(&[
        ("跳至主要內容", Drop(Category::Nav)),
        ("市府擴大公共自行車租借站", Either),
        ("複製連結", Drop(Category::Share)),
        (
            "市政府今天宣布，明年將在市區新增五十個公共自行車租借站，並延長夜間的租借時間，希望鼓勵更多市民以自行車通勤。",
            Keep,
        ),
        ("（資料圖）", Drop(Category::Caption)),
        ("贊助內容", Drop(Category::Ads)),
        (
            "交通局表示，新增的租借站將優先設在捷運站和學校附近，預計總經費約一億元，由中央與地方共同負擔。",
            Keep,
        ),
        (
            "不少通勤族對此表示歡迎，但也有民眾希望市府同時改善自行車道的鋪面與照明，讓夜間騎乘更加安全。",
            Keep,
        ),
        ("未經授權不得轉載", Drop(Category::Legal)),
        ("隱私權政策 | 服務條款", Drop(Category::Legal)),
        ("回到頂部", Drop(Category::Nav)),
    ]);
}

#[test]
fn an_author_box_after_a_short_article_takes_its_biography() {
    // Two paragraphs of article, two of biography: the biography alone outweighs half the
    // article, so only the header's reach to the end of the page drops it.
    check(&[
        (
            "Der Stadtrat hat am Donnerstagabend beschlossen, entlang der Ringstraße einen durchgehenden Radweg zu bauen. Die Arbeiten sollen im kommenden Frühjahr beginnen und etwa ein Jahr dauern.",
            Keep,
        ),
        (
            "Die Kosten von rund vier Millionen Euro teilen sich Stadt und Land. Nach Angaben der Verwaltung wird der Verkehr während der Bauzeit einspurig an den Baustellen vorbeigeführt.",
            Keep,
        ),
        ("Über Anna Beispiel", Drop(Category::Meta)),
        (
            "Anna Beispiel ist seit 2015 Redakteurin im Lokalressort und schreibt vor allem über Verkehr, Stadtentwicklung und Umweltpolitik. Sie hat in Leipzig Journalistik studiert.",
            Drop(Category::Meta),
        ),
        (
            "Zuvor arbeitete sie mehrere Jahre als freie Mitarbeiterin für verschiedene Zeitungen in der Region und war Volontärin bei einem Radiosender.",
            Drop(Category::Meta),
        ),
    ]);
}

#[test]
fn a_portuguese_author_box_named_after_the_writer_is_dropped() {
    check(&[
        (
            "A prefeitura anunciou nesta segunda-feira a reforma de dez escolas municipais que apresentam problemas no telhado e na rede elétrica. As obras devem começar durante as férias de janeiro.",
            Keep,
        ),
        (
            "O investimento previsto é de cerca de doze milhões de reais, com recursos do município e do governo estadual. Segundo a secretaria de educação, nenhuma escola ficará fechada durante o ano letivo.",
            Keep,
        ),
        (
            "Pais de alunos dizem que esperam pela reforma há anos e reclamam que, em dias de chuva forte, algumas salas de aula precisam ser esvaziadas por causa das goteiras.",
            Keep,
        ),
        ("Sobre Mariana Costa", Drop(Category::Meta)),
        (
            "Mariana Costa é repórter de cidades desde 2019 e cobre educação, saúde e transporte público. Antes, trabalhou em rádio e televisão no interior do estado.",
            Drop(Category::Meta),
        ),
    ]);
}

#[test]
fn a_subheading_that_starts_like_an_author_box_stays_in_the_article() {
    check(&[
        (
            "A prefeitura anunciou nesta segunda-feira a reforma de dez escolas municipais que apresentam problemas no telhado e na rede elétrica. As obras devem começar durante as férias de janeiro.",
            Keep,
        ),
        ("Sobre o orçamento", Keep),
        (
            "O investimento previsto é de cerca de doze milhões de reais, com recursos do município e do governo estadual. Segundo a secretaria de educação, nenhuma escola ficará fechada durante o ano letivo.",
            Keep,
        ),
        (
            "Pais de alunos dizem que esperam pela reforma há anos e reclamam que, em dias de chuva forte, algumas salas de aula precisam ser esvaziadas por causa das goteiras.",
            Keep,
        ),
    ]);
}

#[test]
fn arabic_menu_share_button_ad_label_newsletter_and_footer_are_dropped() {
    check(&[
        ("الرئيسية", Drop(Category::Nav)),
        ("خطة جديدة لتوسيع شبكة الحافلات", Either),
        ("شارك", Drop(Category::Share)),
        (
            "أعلنت بلدية المدينة يوم الثلاثاء عن خطة جديدة لتوسيع شبكة الحافلات العامة خلال العام المقبل، بهدف تخفيف الازدحام في الشوارع الرئيسية.",
            Keep,
        ),
        ("إعلان", Drop(Category::Ads)),
        (
            "وقال رئيس البلدية في مؤتمر صحفي إن المشروع سيشمل إضافة خمسين حافلة كهربائية وإنشاء محطات جديدة في الأحياء البعيدة عن وسط المدينة.",
            Keep,
        ),
        (
            "ورحب السكان بالخطة، لكن بعضهم أبدى قلقه من ارتفاع أسعار التذاكر، مطالبين بتوفير اشتراكات مخفضة للطلاب وكبار السن.",
            Keep,
        ),
        (
            "اشترك في النشرة البريدية لتصلك آخر الأخبار",
            Drop(Category::Subscribe),
        ),
        ("جميع الحقوق محفوظة © 2024", Drop(Category::Legal)),
        ("سياسة الخصوصية", Drop(Category::Legal)),
    ]);
}

/// A site's terms of reproduction can fill a long paragraph below the article, longer than a
/// copyright line.
#[test]
fn a_long_chinese_notice_of_reproduction_terms_is_dropped() {
    check(&[
        ("我市老旧小区加装电梯补贴提高", Either),
        (
            "记者从市住建局获悉，从明年1月1日起，我市老旧小区加装电梯的补贴标准将由每台20万元提高到30万元，审批流程也将同步简化。",
            Keep,
        ),
        (
            "据介绍，今年全市已有86个小区完成电梯加装，但仍有不少居民反映自筹资金压力较大，希望政府加大支持力度。新政策实施后，居民个人承担的费用有望明显减少。",
            Keep,
        ),
        ("【责任编辑：王明】", Drop(Category::Meta)),
        ("分享到：微信 微博 QQ空间", Drop(Category::Share)),
        (
            "本网声明：凡注明来源为本网的所有文字、图片、音视频作品，版权均属本网所有，任何媒体、网站或个人未经允许不得转载、摘编或以其他方式使用，违者必究。已经本网授权使用作品的，应在授权范围内使用，并注明来源。凡本网注明来源为其他媒体的作品，均转载自其他媒体，目的在于传递更多信息，并不代表本网赞同其观点或对其真实性负责，如有侵权请及时联系本网删除。",
            Drop(Category::Legal),
        ),
    ]);
}

#[test]
fn a_long_market_data_notice_is_dropped_and_a_delayed_train_is_not() {
    check(&[
        ("Stocks slip as oil rises", Either),
        (
            "Shares fell on Tuesday as the price of oil rose for a third day, and investors sold the \
             companies that use the most fuel. Airlines led the losses in the afternoon.",
            Keep,
        ),
        (
            "Commuters were delayed by 15 minutes on average, the rail operator said, after a signal \
             failure in the morning. The operator apologised to its passengers.",
            Keep,
        ),
        (
            "Analysts expect the market to stay volatile until the central bank meets next month, \
             when it is likely to raise rates again to slow inflation.",
            Keep,
        ),
        (
            "Most stock quote data provided by BATS. Market indices are shown in real time, except for \
             the DJIA, which is delayed by two minutes. All times are ET. Disclaimer. Morningstar: \
             Copyright 2016 Morningstar, Inc. All Rights Reserved. Factset: FactSet Research Systems \
             Inc. 2016. All rights reserved. Chicago Mercantile Association: Certain market data is \
             the property of Chicago Mercantile Exchange Inc. and its licensors. All rights reserved.",
            Drop(Category::Legal),
        ),
    ]);
}

#[test]
fn a_prompt_to_share_the_article_is_dropped_and_prose_about_sharing_is_not() {
    check(&[
        ("Ferry timetable to change in spring", Either),
        (
            "The island ferry will run every forty minutes from March, the operator said on Monday, after residents asked the council to share the cost of an extra boat with the port authority.",
            Keep,
        ),
        (
            "Islanders were invited to share their views with the operator at two public meetings, and many said that the last evening crossing left too early for commuters.",
            Keep,
        ),
        (
            "The operator said it would publish the final timetable in February, once the port authority had confirmed the berthing slots for the extra crossings.",
            Keep,
        ),
        (
            "Like this story? Share it with a friend!",
            Drop(Category::Share),
        ),
        (
            "Cet article vous a plu ? Partagez-le !",
            Drop(Category::Share),
        ),
    ]);
}

/// Puts each of the `widgets` alone in the article made of `paragraphs`, after its third
/// paragraph (the worst place for it: a short line there reads like a subheading), and checks
/// that the paragraphs are kept and the widget dropped under its category.
fn check_each_alone_in_article(paragraphs: &[&str], widgets: &[(&str, Category)]) {
    for &(widget, category) in widgets {
        let mut lines: Vec<(&str, Want)> = paragraphs[..3].iter().map(|p| (*p, Keep)).collect();
        lines.push((widget, Drop(category)));
        lines.extend(paragraphs[3..].iter().map(|p| (*p, Keep)));
        check(&lines);
    }
}

/// A Korean article of six paragraphs, for the tests that put a widget line inside it.
const KOREAN_PARAGRAPHS: [&str; 6] = [
    "시는 내년 한 해 동안 공공자전거 이용 요금을 올리지 않기로 했다고 14일 밝혔다. 물가 상승으로 운영비 부담이 커졌지만 시민들의 교통비 부담을 덜기 위해 요금을 그대로 유지하기로 했다는 설명이다.",
    "현재 공공자전거 정기권은 한 달에 5천 원, 일 년에 3만 원이다. 시는 대신 고장 난 자전거를 빨리 고칠 수 있도록 정비 인력을 늘리고 대여소도 40곳 더 설치할 계획이다.",
    "이용자들은 대체로 반기는 분위기다. 출퇴근길에 자전거를 탄다는 한 회사원은 요금이 오르지 않는 것도 좋지만 대여소에 자전거가 없는 경우가 많아 그 문제부터 해결됐으면 좋겠다고 말했다.",
    "시의회도 요금 동결에 찬성하는 입장이다. 다만 일부 의원들은 적자가 해마다 늘고 있는 만큼 장기적으로는 광고 수익 등 다른 재원을 찾아야 한다고 지적했다.",
    "시는 이달 말까지 시민 의견을 받은 뒤 다음 달 초 최종 운영 계획을 발표할 예정이다. 새 대여소 위치도 이때 함께 공개된다.",
    "한편 공공자전거 누적 이용 건수는 지난달 처음으로 1천만 건을 넘어섰다. 시는 이를 기념해 한 달 동안 신규 가입자에게 이용권을 할인해 주는 행사를 연다.",
];

#[test]
fn korean_widget_lines_alone_between_paragraphs_are_dropped() {
    let paragraphs = KOREAN_PARAGRAPHS;
    let widgets = [
        ("이전 다음", Category::Nav),
        ("본문글씨 키우기", Category::Share),
        ("이름 비밀번호", Category::Comments),
        ("최신순 추천순 답글순", Category::Comments),
        ("그림의 영문, 숫자를 입력하세요.", Category::Comments),
        ("매체소개", Category::Legal),
        ("인스타그램", Category::Share),
        ("검색어를 입력해주세요", Category::Nav),
        ("본문 요약봇", Category::Chrome),
        ("기사 읽어주기", Category::Share),
        ("가장작게 작게 보통 크게 가장크게", Category::Share),
        (
            "쏠쏠정보 0 흥미진진 0 공감백배 0 분석탁월 0 후속강추 0",
            Category::Share,
        ),
        (
            "이 기사는 언론사에서 정치 섹션으로 분류했습니다.",
            Category::Chrome,
        ),
        (
            "도움말 자동 추출 기술로 요약된 내용입니다. 요약 기술의 특성상 본문의 주요 내용이 제외될 수 있어, 전체 맥락을 이해하기 위해서는 기사 본문 전체보기를 권장합니다. 닫기",
            Category::Chrome,
        ),
        ("텍스트 음성 변환 서비스 사용하기", Category::Chrome),
        (
            "메인에서 바로 보는 언론사 편집 뉴스 지금 바로 구독해보세요!",
            Category::Subscribe,
        ),
        (
            "한빛일보가 이 기사의 댓글 정책을 결정합니다.",
            Category::Comments,
        ),
        ("photo 게티이미지", Category::Caption),
        ("이미지 확대 닫기 이미지 확대 보기", Category::Caption),
        ("구글에서 한빛일보 먼저 보기", Category::Subscribe),
        ("음성재생 설정", Category::Share),
        ("승인 2024.11.14 09:30", Category::Meta),
        ("다시보기", Category::Caption),
        ("페이스북으로 공유", Category::Share),
        ("기사 스크랩 하기", Category::Share),
    ];
    check_each_alone_in_article(&paragraphs, &widgets);
}

/// An English article of five paragraphs, for the tests that put a widget line inside it.
const ENGLISH_PARAGRAPHS: [&str; 5] = [
    "The central library will stay open until nine in the evening on weekdays from December, the council said on Thursday, after a survey found that many residents could not visit during working hours.",
    "The longer hours will be paid for by moving two staff posts from the mobile library service, which will visit outlying villages once a fortnight instead of once a week.",
    "Librarians welcomed the change but warned that the building's heating system was old and that the extra evenings would add to its running costs over the coldest months.",
    "Councillors from the opposition said they supported the plan but asked for a review after six months, to see whether the evening visitors justified the cost.",
    "The council expects to publish the new timetable in November, together with the dates on which the mobile library will call at each village.",
];

#[test]
fn english_widget_lines_alone_between_paragraphs_are_dropped() {
    let paragraphs = ENGLISH_PARAGRAPHS;
    let widgets = [
        ("Prev Next", Category::Nav),
        ("Increase text size", Category::Share),
        ("Name* Website", Category::Comments),
        ("Newest Oldest Best", Category::Comments),
        (
            "Enter the characters shown in the image.",
            Category::Comments,
        ),
        ("Need help with your subscription?", Category::Subscribe),
        ("Advertisements", Category::Ads),
        ("Article continues after this advertisement", Category::Ads),
        ("Reuse this content", Category::Legal),
        ("Follow this topic", Category::Subscribe),
        ("Was this article helpful?", Category::Share),
        ("Report an error", Category::Chrome),
        ("Recommended Videos", Category::Related),
        ("Loading...", Category::Nav),
        ("This video can not be played", Category::Chrome),
        ("Now Playing", Category::Caption),
        ("Updated", Category::Meta),
        ("Updated at 1:23 p.m.", Category::Meta),
        ("Published 9:30 AM ET", Category::Meta),
        ("Advertisement - Scroll to continue", Category::Ads),
        ("Replay", Category::Caption),
    ];
    check_each_alone_in_article(&paragraphs, &widgets);
}

#[test]
fn japanese_widget_lines_alone_between_paragraphs_are_dropped() {
    let paragraphs = [
        "ひばり野市交通局は14日、運転手不足を理由に、市営バスの12路線を来年4月に廃止または統合すると発表した。利用者の少ない郊外の路線が中心となる。",
        "交通局によると、今年4月に運転手の時間外労働に上限が設けられ、現在の便数を保つには30人ほどの運転手が足りないという。",
        "廃止される路線の沿線では、予約制の乗り合いタクシーを走らせる。料金は1回300円で、前日までに電話かアプリで予約する。",
        "市は12月中に沿線の住民向けの説明会を開き、意見を聞いたうえで年度内に計画を正式に決める方針だ。",
    ];
    let widgets = [
        ("この記事の感想を教えてください", Category::Share),
        ("アプリで読む", Category::Subscribe),
        ("写真を拡大", Category::Caption),
        ("Xでポスト", Category::Share),
        ("わかりやすい", Category::Share),
        ("1/3ページ", Category::Nav),
        ("記事に関する報告", Category::Chrome),
        ("この記事はいかがでしたか？", Category::Share),
        ("次ページは：市が示した代替案とは", Category::Nav),
        ("残り1234文字（全文2345文字）", Category::Subscribe),
        ("速報", Category::Nav),
        ("シェア（3）", Category::Share),
    ];
    check_each_alone_in_article(&paragraphs, &widgets);
}

#[test]
fn chinese_widget_lines_alone_between_paragraphs_are_dropped() {
    let paragraphs = [
        "市交通局14日宣布，由于司机短缺，明年4月起将撤销或合并12条公交线路，调整主要集中在乘客较少的郊区线路。",
        "交通局表示，今年4月起司机加班时间受到上限限制，要维持现有班次，目前还缺少大约30名司机。",
        "在被撤销线路沿线，市里将开通预约式的合乘出租车，每次收费3元，乘客需提前一天通过电话或手机预约。",
        "市政府计划在12月内召开沿线居民说明会，听取意见后在本年度内正式确定调整方案。",
        "不少沿线居民对此表示担忧。一位住在北区的老人说，她每周都要坐公交去医院，以后改坐出租车，不知道预约是不是方便。",
    ];
    let widgets = [
        ("【字体：大 中 小】", Category::Share),
        ("点击查看大图", Category::Caption),
        ("展开全文", Category::Nav),
        ("举报", Category::Share),
        ("APP内打开", Category::Subscribe),
        ("换一换", Category::Nav),
        ("视频加载中...", Category::Nav),
        ("返回首页，查看更多", Category::Nav),
        ("举报/反馈", Category::Share),
        ("已有0人参与", Category::Comments),
        ("分享（3）", Category::Share),
    ];
    check_each_alone_in_article(&paragraphs, &widgets);
}

#[test]
fn german_widget_lines_alone_between_paragraphs_are_dropped() {
    let paragraphs = [
        "Die städtischen Verkehrsbetriebe wollen im kommenden April zwölf Buslinien einstellen oder zusammenlegen, weil ihnen Fahrerinnen und Fahrer fehlen, wie sie am Donnerstag mitteilten.",
        "Seit im Frühjahr die Überstunden der Fahrer begrenzt wurden, fehlen nach Angaben des Unternehmens rund dreißig Beschäftigte, um den heutigen Fahrplan zu halten.",
        "Auf den wegfallenden Strecken soll ein Rufbus fahren, der am Vortag telefonisch oder per App bestellt werden muss und pro Fahrt drei Euro kostet.",
        "Im Dezember will die Stadt die Anwohner der betroffenen Linien in mehreren Versammlungen informieren und die Pläne danach endgültig beschließen.",
    ];
    let widgets = [
        ("Artikel vorlesen", Category::Share),
        ("Weiterlesen nach der Anzeige", Category::Ads),
        ("Video abspielen", Category::Caption),
        ("Fehler gefunden? Jetzt melden.", Category::Chrome),
        ("Push-Benachrichtigungen aktivieren", Category::Subscribe),
        ("Zum Artikel", Category::Nav),
        ("Zur Merkliste hinzufügen", Category::Share),
        ("Audio abspielen", Category::Caption),
    ];
    check_each_alone_in_article(&paragraphs, &widgets);
}

#[test]
fn portuguese_and_russian_widget_lines_alone_between_paragraphs_are_dropped() {
    let portuguese = [
        "A prefeitura anunciou nesta quinta-feira que vai extinguir ou fundir doze linhas de ônibus a partir de abril, por falta de motoristas, segundo a empresa municipal de transportes.",
        "Desde que as horas extras dos motoristas foram limitadas, faltam cerca de trinta profissionais para manter a tabela de horários atual, de acordo com a empresa.",
        "Nas linhas que serão extintas, passará a circular um micro-ônibus sob demanda, que deve ser reservado por telefone ou aplicativo na véspera e custará três reais por viagem.",
        "Em dezembro, a prefeitura fará reuniões com os moradores dos bairros atendidos pelas linhas afetadas antes de aprovar o plano definitivo.",
        "Associações de moradores afirmam que os idosos serão os mais prejudicados e pedem que o serviço sob demanda aceite reservas feitas no mesmo dia.",
    ];
    check_each_alone_in_article(
        &portuguese,
        &[
            ("Ouvir este artigo", Category::Share),
            ("Assista ao vídeo", Category::Caption),
            ("Link copiado!", Category::Share),
        ],
    );
    let russian = [
        "Городские власти в четверг объявили, что с апреля закроют или объединят двенадцать автобусных маршрутов из-за нехватки водителей, сообщили в транспортном предприятии.",
        "После того как сверхурочную работу водителей ограничили, предприятию, по его данным, не хватает около тридцати человек, чтобы сохранить нынешнее расписание.",
        "На закрываемых маршрутах будет ходить микроавтобус по заказу: его нужно вызвать накануне по телефону или через приложение, а поездка будет стоить тридцать рублей.",
        "В декабре мэрия проведёт встречи с жителями районов, где проходят эти маршруты, и только после этого утвердит окончательный план.",
        "Общественники опасаются, что сильнее всего перемены ударят по пожилым людям, и просят, чтобы заказать поездку можно было в тот же день.",
    ];
    check_each_alone_in_article(&russian, &[("Слушать статью", Category::Share)]);
}

#[test]
fn vietnamese_and_turkish_widget_lines_alone_between_paragraphs_are_dropped() {
    let vietnamese = [
        "Thành phố cho biết từ tháng Tư năm sau sẽ bỏ hoặc gộp mười hai tuyến xe buýt vì thiếu tài xế, theo thông báo của công ty vận tải công cộng hôm thứ Năm.",
        "Từ khi giờ làm thêm của tài xế bị giới hạn, công ty cho biết còn thiếu khoảng ba mươi người để giữ nguyên lịch chạy xe như hiện nay.",
        "Trên các tuyến bị bỏ, thành phố sẽ cho chạy xe buýt nhỏ theo yêu cầu, hành khách phải đặt trước một ngày qua điện thoại hoặc ứng dụng.",
        "Trong tháng Mười Hai, chính quyền sẽ tổ chức các buổi gặp gỡ người dân sống dọc các tuyến bị ảnh hưởng trước khi thông qua kế hoạch.",
        "Nhiều người cao tuổi lo ngại việc đặt xe trước sẽ gây khó khăn cho họ và đề nghị cho phép đặt xe ngay trong ngày.",
    ];
    check_each_alone_in_article(
        &vietnamese,
        &[
            ("Xem thêm", Category::Nav),
            ("In bài viết", Category::Share),
            ("Quảng cáo", Category::Ads),
        ],
    );
    let turkish = [
        "Belediye, şoför eksikliği nedeniyle nisan ayından itibaren on iki otobüs hattını kaldıracağını ya da birleştireceğini perşembe günü yaptığı açıklamayla duyurdu.",
        "Şoförlerin fazla mesaisi sınırlandırıldığından beri mevcut sefer düzenini korumak için yaklaşık otuz kişinin eksik olduğu belirtildi.",
        "Kaldırılan hatlarda, bir gün önceden telefonla ya da uygulama üzerinden çağrılması gereken talebe bağlı bir minibüs hizmeti verilecek.",
        "Belediye, aralık ayında etkilenen mahallelerde yaşayanlarla toplantılar düzenleyecek ve planı ancak bundan sonra kesinleştirecek.",
        "Mahalle dernekleri, en çok yaşlıların etkileneceğini söyleyerek aynı gün rezervasyon yapılabilmesini istiyor.",
    ];
    check_each_alone_in_article(
        &turkish,
        &[
            ("Devamını oku", Category::Nav),
            ("Yazı boyutu", Category::Share),
            ("Reklam", Category::Ads),
            ("Google News'te takip et", Category::Subscribe),
        ],
    );
}

#[test]
fn ad_labels_and_more_links_in_further_languages_are_dropped() {
    // The labels are chrome whatever the language of the article around them.
    check_each_alone_in_article(
        &ENGLISH_PARAGRAPHS,
        &[
            ("Διαφήμιση", Category::Ads),
            ("विज्ञापन", Category::Ads),
            ("Mainos", Category::Ads),
            ("Hirdetés", Category::Ads),
            ("Læs mere", Category::Nav),
            ("Více", Category::Nav),
        ],
    );
}

#[test]
fn rows_of_tool_labels_between_paragraphs_are_dropped() {
    let english = [
        ("Share Tweet Email Print", Category::Share),
        ("Share on Facebook | Email · Print", Category::Share),
        ("Listen Share Save", Category::Share),
        ("Comments (12) Share Print", Category::Share),
        ("Gift Article Share", Category::Share),
    ];
    check_each_alone_in_article(&ENGLISH_PARAGRAPHS, &english);
    let korean = [
        (
            "글꼴 선택 본문 텍스트 크게 본문 텍스트 작게 스크랩",
            Category::Share,
        ),
        ("공유 스크랩 인쇄", Category::Share),
        ("음성으로 듣기 번역 공유 글자크기", Category::Share),
    ];
    check_each_alone_in_article(&KOREAN_PARAGRAPHS, &korean);
}

#[test]
fn a_subheading_of_label_words_and_other_words_stays() {
    let mut lines: Vec<(&str, Want)> = ENGLISH_PARAGRAPHS[..3].iter().map(|p| (*p, Keep)).collect();
    lines.push(("Save the date", Keep));
    lines.extend(ENGLISH_PARAGRAPHS[3..].iter().map(|p| (*p, Keep)));
    check(&lines);
}

#[test]
fn a_korean_reporter_sign_off_and_ethics_pledge_after_the_article_are_dropped() {
    let mut lines: Vec<(&str, Want)> = KOREAN_PARAGRAPHS.iter().map(|p| (*p, Keep)).collect();
    lines.extend([
        (
            "지금까지 시청 앞에서 한빛뉴스 김민준입니다.",
            Drop(Category::Meta),
        ),
        (
            "지금까지 워싱턴에서 이서연 특파원이었습니다.",
            Drop(Category::Meta),
        ),
        (
            "한빛일보는 인터넷신문위원회의 인터넷신문 윤리강령을 준수합니다.",
            Drop(Category::Legal),
        ),
    ]);
    check(&lines);
}

#[test]
fn a_korean_sentence_that_ends_like_a_sign_off_stays() {
    let mut lines: Vec<(&str, Want)> = KOREAN_PARAGRAPHS.iter().map(|p| (*p, Keep)).collect();
    lines.insert(3, ("지금까지 확인된 피해 규모는 3천억 원입니다.", Keep));
    check(&lines);
}

#[test]
fn spanish_portuguese_and_italian_prompts_alone_between_paragraphs_are_dropped() {
    let paragraphs = [
        "El ayuntamiento aprobó el martes un plan para ampliar el horario de la biblioteca central, que abrirá hasta las nueve de la noche de lunes a viernes a partir de diciembre.",
        "La medida se financiará con dos puestos que hasta ahora atendían el bibliobús, que visitará los pueblos cada quince días en lugar de cada semana.",
        "Los bibliotecarios celebraron el cambio, aunque advirtieron de que la calefacción del edificio es antigua y de que las tardes de invierno encarecerán su funcionamiento.",
        "La oposición apoyó el plan, pero pidió revisarlo dentro de seis meses para comprobar si el número de visitantes justifica el gasto.",
    ];
    let widgets = [
        ("Inicia sesión", Category::Subscribe),
        ("Apoya el periodismo independiente", Category::Subscribe),
        ("Únete a nuestro canal de WhatsApp", Category::Subscribe),
        ("Entre no nosso canal do WhatsApp", Category::Subscribe),
        ("Sostieni il giornalismo indipendente", Category::Subscribe),
        ("Configurar cookies", Category::Legal),
        ("Lectura: 4 min", Category::Meta),
        ("Donate now", Category::Subscribe),
        ("Manage preferences", Category::Legal),
    ];
    check_each_alone_in_article(&paragraphs, &widgets);
}
