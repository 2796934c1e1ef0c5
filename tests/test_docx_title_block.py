"""DOCX title blocks seen on unseen Word papers (issue 16, front18; bench/UNSEEN.md): a title
that does not run on into the paragraph under it when that one is set otherwise, a by-line
given by its label, a by-line block above the title, title-block styles named in Russian, a
name followed by its transliteration in brackets, a name on the first of hand-broken lines,
and a Russian paper whose English title block below is not its title. Each document is built
here, small, in the layout the class shows; none copies a paper."""

from __future__ import annotations

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from exporter.readers import read_document
from exporter.readers.plaintext import roles

from helpers import BODY_RU, title_block_docx

_docx = title_block_docx


def test_a_paragraph_set_otherwise_does_not_go_on_a_heading_styled_title(tmp_path):
    path = _docx(tmp_path / "a.docx", [
        ("Why do we need a time-series database", {"style": "Heading 2", "center": True}),
        ("Before we start, what is a time-series database, or, what is time-series data?", {}),
        ("Time-series data is a collection of observations of one subject taken at different times, "
         "generally at equal intervals as with metrics, or at unequal ones as with events.", {}),
    ], body=["Databases for time series store data points indexed by their time.", "They differ from relational ones."])
    assert read_document(path).meta.title_text == "Why do we need a time-series database"


def test_a_by_line_given_by_its_label_names_the_author_and_is_not_the_title(tmp_path):
    path = _docx(tmp_path / "b.docx", [
        ("УДК 621.396", {}),
        ("Встраиваемый модуль спутникового навигационного приемника нового поколения", {"center": True}),
        ("Докладчик: Михаил Юрьевич Петров*, ведущий инженер-программист", {"center": True}),
        ("ЗАО НТЦ «Модуль», Россия, г. Москва", {"center": True}),
        ("Аннотация", {}),
        ("В статье рассматривается навигационный модуль и результаты его испытаний.", {}),
    ])
    meta = read_document(path).meta
    assert meta.title_text == "Встраиваемый модуль спутникового навигационного приемника нового поколения"
    assert meta.authors[:1] == ("Михаил Юрьевич Петров",)


def test_a_student_by_line_under_its_label(tmp_path):
    path = _docx(tmp_path / "c.docx", [
        ("Разработка подсистемы ввода-вывода аналоговой информации на микроконтроллерах", {}),
        ("Выполнил студент: Чинь Тхань Нам", {}),
        ("Группа: 13541/1", {}),
    ])
    assert read_document(path).meta.authors[:1] == ("Чинь Тхань Нам",)


def test_a_by_line_block_above_the_title_with_positions_and_places(tmp_path):
    bold = {"bold": True}
    path = _docx(tmp_path / "d.docx", [
        ("Смирнов Н.Е.", bold),
        ("Аспирант", bold),
        ("Орлов Ю.В., к.т.н.", bold),
        ("Старший преподаватель", bold),
        ("Санкт-Петербургский государственный университет гражданской авиации", bold),
        ("Россия, г. Санкт-Петербург", bold),
        ("Анализ данных и машинное обучение в авиации", bold),
        ("Аннотация: Проведен анализ существующих методов обработки больших объемов данных.", {}),
    ])
    meta = read_document(path).meta
    assert meta.title_text == "Анализ данных и машинное обучение в авиации"
    assert meta.authors[:1] == ("Смирнов Н.Е.",)


def test_an_affiliation_under_a_name_above_the_title_is_passed_over(tmp_path):
    path = _docx(tmp_path / "e.docx", [
        ("УДК 531.57", {}),
        ("Е.А. Сидоров, магистрант", {}),
        ("Ижевский государственный технический университет имени М.Т. Калашникова,", {}),
        ("Решение основной задачи внутренней баллистики в газодинамической постановке", {"bold": True, "center": True}),
        ("Аннотация. Статья посвящена численному решению задачи внутренней баллистики.", {"size": 12}),
        ("Ключевые слова: внутренняя баллистика, газовая динамика", {"size": 12}),
    ])
    meta = read_document(path).meta
    assert meta.title_text == "Решение основной задачи внутренней баллистики в газодинамической постановке"
    assert meta.authors[:1] == ("Е.А. Сидоров",)


def test_title_block_styles_named_in_russian(tmp_path):
    path = _docx(tmp_path / "f.docx", [
        ("Д. Д. Петров", {"style": "Авторы", "center": True}),
        ("Московский государственный технический университет", {"style": "Адреса", "center": True}),
        ("петров@example.org".replace("петров", "petrov"), {"style": "Адреса", "center": True}),
        ("СРАВНИТЕЛЬНЫЙ АНАЛИЗ КЛАССИЧЕСКИХ И КВАНТОВЫХ АЛГОРИТМОВ КЛАССИФИКАЦИИ", {"style": "Название доклада", "center": True}),
        ("Рассматривается тренировка квантовых классификаторов при помощи симуляторов.", {"style": "Текст доклада"}),
    ])
    meta = read_document(path).meta
    assert meta.title_text == "СРАВНИТЕЛЬНЫЙ АНАЛИЗ КЛАССИЧЕСКИХ И КВАНТОВЫХ АЛГОРИТМОВ КЛАССИФИКАЦИИ"
    assert meta.authors[:1] == ("Д. Д. Петров",)


def test_a_caption_style_named_like_a_title_is_not_the_title(tmp_path):
    path = _docx(tmp_path / "g.docx", [
        ("Модели принятия решений на основе нечетких множеств", {"bold": True}),
        ("Таблица 1 – Параметры", {"style": "Название таблицы"}),
    ])
    assert read_document(path).meta.title_text == "Модели принятия решений на основе нечетких множеств"


def test_a_name_with_its_transliteration_in_brackets(tmp_path):
    path = _docx(tmp_path / "h.docx", [
        ("Исследование функций активации в сетях долгой краткосрочной памяти", {"bold": True, "center": True}),
        ("Кумов Михаил Иванович (Kumov Mikhail Ivanovich)a, *, Арсланова Алина Рустямовна (Arslanova Alina Rustiamovna)a,**",
         {"bold": True, "center": True}),
        ("aМосковский государственный университет имени М. В. Ломоносова, Москва", {"center": True}),
        ("Аннотация В данной работе рассматриваются варианты архитектуры сетей.", {}),
    ])
    assert read_document(path).meta.authors[:2] == ("Кумов Михаил Иванович", "Арсланова Алина Рустямовна")


def test_a_name_on_the_first_of_hand_broken_lines(tmp_path):
    path = _docx(tmp_path / "i.docx", [
        ("ОЦЕНКА ЭКОЛОГИЧЕСКОГО РИСКА ДЛЯ ЗДОРОВЬЯ НАСЕЛЕНИЯ САНКТ-ПЕТЕРБУРГА", {"bold": True, "center": True}),
        ("Новикова Полина Витальевна\nстудент, кафедра инноватики,\nгосударственный университет аэрокосмического приборостроения", {}),
        ("Поляков Дмитрий Сергеевич\nстудент, кафедра вычислительных систем", {}),
        ("АННОТАЦИЯ", {"bold": True, "center": True}),
        ("В данной статье рассмотрена оценка риска действия загрязнителей для здоровья населения.", {}),
    ])
    meta = read_document(path).meta
    assert meta.title_text == "ОЦЕНКА ЭКОЛОГИЧЕСКОГО РИСКА ДЛЯ ЗДОРОВЬЯ НАСЕЛЕНИЯ САНКТ-ПЕТЕРБУРГА"
    assert meta.authors[:2] == ("Новикова Полина Витальевна", "Поляков Дмитрий Сергеевич")


def test_a_russian_paper_is_titled_by_its_russian_title_block_not_the_english_one_below(tmp_path):
    path = _docx(tmp_path / "j.docx", [
        ("УДК 004.89", {}),
        ("МЕТОД РАСПОЗНАВАНИЯ ЭМОЦИЙ ЧЕЛОВЕКА ПО ДВИЖЕНИЯМ РУК", {"bold": True, "center": True, "size": 13}),
        ("Розов В. Л., e-mail: rozov@example.org", {"center": True, "size": 11}),
        ("Гусев О. С., e-mail: gusev@example.org", {"center": True, "size": 11}),
        ("Волгоградский государственный технический университет, г. Волгоград", {"center": True, "size": 11}),
        ("В статье описан метод, позволяющий увеличить точность распознавания эмоций по видеоизображению.", {}),
        ("Ключевые слова: эмоциональное состояние, распознавание, жесты.", {}),
        ("HUMAN EMOTION RECOGNITION METHOD BASED ON HAND MOTION", {"bold": True, "center": True, "size": 13}),
        ("Rozov V.L., Gusev O.S.", {"center": True, "size": 11}),
        ("Volgograd State Technical University, Volgograd", {"center": True}),
        ("The article describes a method that increases the accuracy of emotion recognition.", {}),
        ("Key words: emotional state, recognition, gestures.", {}),
    ])
    meta = read_document(path).meta
    assert meta.title_text == "МЕТОД РАСПОЗНАВАНИЯ ЭМОЦИЙ ЧЕЛОВЕКА ПО ДВИЖЕНИЯМ РУК"
    assert meta.authors[:1] == ("Розов В. Л.",)


def test_the_kind_of_work_as_the_titles_label(tmp_path):
    """front19 (xtcl_book_cipher's class): `Научно-исследовательская статья: <title>` gives the
    title after the work's kind; a later paragraph in a Title style is a section's name."""
    path = _docx(tmp_path / "k.docx", [
        ("Научно-исследовательская статья: Шифр Виженера на примере текста песни", {}),
        ("Введение", {"size": 22}),
        ("Шифр Виженера заменяет каждую букву открытого текста по ключевому слову.", {}),
        ("Описание алгоритма", {"style": "Title"}),
        ("Алгоритм сдвигает каждую букву на номер соответствующей буквы ключа.", {}),
    ], body=["Реализация написана на языке Python."])
    assert read_document(path).meta.title_text == "Шифр Виженера на примере текста песни"


def test_a_title_in_quotes_under_the_kind_of_work_on_a_cover(tmp_path):
    """front19 (syriv11_computer_memory's class): a cover page's `Курсовая работа` alone over
    the title in quotes; the kind is not part of the title."""
    path = _docx(tmp_path / "q.docx", [
        ("министерство образования\nМосковской области", {"center": True}),
        ("колледж связи", {"center": True}),
        ("Курсовая работа", {"center": True}),
        ("«Устройство жёсткого диска»", {"center": True}),
        ("студента 2 курса", {}),
        ("Петрова Ивана Сергеевича", {}),
    ], body=["Жёсткий диск хранит данные на магнитных пластинах, вращающихся с постоянной скоростью."])
    assert read_document(path).meta.title_text.strip("«»") == "Устройство жёсткого диска"


def test_a_title_set_apart_only_by_its_centring(tmp_path):
    """front19 (vladimirlll_meeting's class): a one-line title in the body's plain type, centred
    over a paragraph that is not (`Формулировка задачи: …`)."""
    path = _docx(tmp_path / "c.docx", [
        ("Задача о разорении игрока.", {"center": True}),
        ("Формулировка задачи: игрок с капиталом a играет против банка с капиталом b до разорения одного из них.", {}),
        ("Решение: вероятность разорения найдём из разностного уравнения с граничными условиями.", {}),
    ], body=["Ответ зависит только от отношения капиталов."])
    assert read_document(path).meta.title_text == "Задача о разорении игрока."


def test_a_centred_paragraph_over_another_centred_one_is_not_set_apart(tmp_path, monkeypatch):
    """Not firing: two centred plain paragraphs (a cover's lines) over the text are no title by
    their centring (the rules alone: the line-role model turned off)."""
    monkeypatch.setattr(roles, "ENABLED", False)
    path = _docx(tmp_path / "n.docx", [
        ("Весенний семестр двадцатого года", {"center": True}),
        ("Отчёт о практике по вычислительной математике", {"center": True}),
        ("Первая глава описывает разностные схемы, вторая сравнивает их устойчивость на примерах.", {}),
    ], body=["Третья глава подводит итоги."])
    assert read_document(path).meta.title_text is None


def test_a_title_and_its_authors_name_in_one_paragraph(tmp_path):
    """front19 (jackira_masters's class): a bold title and its author's name in regular type in
    one centred paragraph: the title ends before the name, which is the first author."""
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Сжатие журналов событий распределённых систем хранения данных").bold = True
    paragraph.add_run(" Семенов К.Л.")
    for text in ("Научный руководитель — доцент, к.т.н. Орлова Е.В.", "МЭИ, Москва", *BODY_RU):
        document.add_paragraph(text)
    path = tmp_path / "t.docx"
    document.save(str(path))
    meta = read_document(str(path)).meta
    assert meta.title_text == "Сжатие журналов событий распределённых систем хранения данных"
    assert meta.authors[:1] == ("Семенов К.Л.",)


def test_a_name_set_as_the_title_is_the_titles_end(tmp_path):
    """Not firing: a title ending in a name with initials, set as the rest of it, keeps it."""
    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Переписка поэтов серебряного века с издателем А.С. Сувориным").bold = True
    for text in ("И. И. Петров", *BODY_RU):
        document.add_paragraph(text)
    path = tmp_path / "n.docx"
    document.save(str(path))
    assert read_document(str(path)).meta.title_text == "Переписка поэтов серебряного века с издателем А.С. Сувориным"


def test_a_schools_name_over_a_heading_styled_title_on_a_cover(tmp_path):
    """front19 (sharpnesla_landscape's class): a cover's bold centred school name (`Муниципальное
    … учреждение`) over the title in a heading style, then `Автор проекта: …` broken by hand:
    the institution is not the title, the labelled name is the author."""
    path = _docx(tmp_path / "s.docx", [
        ("Муниципальное автономное общеобразовательное учреждение\nгимназия №3 г. Томска", {"bold": True, "center": True}),
        ("МОДЕЛИРОВАНИЕ ПОЛЁТА КВАДРОКОПТЕРА", {"style": "Heading 3"}),
        ("Автор проекта: Лебедева Анна Игоревна,\nгимназия №3 г. Томска,\n9 класс\nРуководитель: Смирнов П.А.", {}),
        ("2019г.", {"center": True}),
    ])
    meta = read_document(path).meta
    assert meta.title_text == "МОДЕЛИРОВАНИЕ ПОЛЁТА КВАДРОКОПТЕРА"
    assert meta.authors[:1] == ("Лебедева Анна Игоревна",)


def test_a_labelled_by_line_with_the_authors_classes(tmp_path):
    """front19 (osharov_memwor's class): `Авторы работы:` names, each followed by a school class
    (`10А`), above `Тема: …`."""
    path = _docx(tmp_path / "a.docx", [
        ("Авторы работы: Кузнецов Пётр Ильич 10А, Морозова Дарья Олеговна 10А", {}),
        ("Руководитель: Зайцев Игорь Павлович", {}),
        ("Тема: Телеграм-бот для расписания уроков", {}),
        ("Проект выполняется в рамках предмета «Индивидуальный проект».", {}),
    ])
    meta = read_document(path).meta
    assert meta.title_text == "Телеграм-бот для расписания уроков"
    assert meta.authors[:2] == ("Кузнецов Пётр Ильич", "Морозова Дарья Олеговна")


def test_a_title_under_a_qualified_theme_label(tmp_path):
    """front19 (arinasaf_practice's class): `Тема выпускной квалификационной работы:` alone
    over the title, under a task's numbered bold heading."""
    path = _docx(tmp_path / "q.docx", [
        ("2.3. Подготовить доклад к предзащите выпускной квалификационной работы", {"bold": True}),
        ("Тема выпускной квалификационной работы:", {}),
        ("Мобильное приложение «Словарь юного химика».", {}),
        ("Актуальность:", {}),
        ("Школьникам нужен удобный справочник по химии, доступный без сети.", {}),
    ])
    assert read_document(path).meta.title_text == "Мобильное приложение «Словарь юного химика»."


def test_a_title_going_on_in_a_paragraph_set_alike_in_lower_case(tmp_path, monkeypatch):
    """front19 (elvin_dp's class): a bold 16 pt title broken into two paragraphs, the second
    opening in lower case, under its author's italic name (the rules alone: on elvin_dp the
    model did not join them either)."""
    monkeypatch.setattr(roles, "ENABLED", False)
    path = _docx(tmp_path / "g.docx", [
        ("К.Л. Андреев", {"center": True}),
        ("Разработка тренажёра для обучения", {"bold": True, "center": True, "size": 16}),
        ("операторов насосных станций (модель НС-2)", {"bold": True, "center": True, "size": 16}),
        ("Целью работы является тренажёр для операторов насосных станций.", {}),
    ])
    meta = read_document(path).meta
    assert meta.title_text == "Разработка тренажёра для обучения операторов насосных станций (модель НС-2)"
    assert meta.authors[:1] == ("К.Л. Андреев",)


def test_names_parted_by_full_stops_above_the_title(tmp_path):
    """front19 (mikasa_energraph's class): full names parted by full stops above the title."""
    path = _docx(tmp_path / "f.docx", [
        ("Соколов Артём Игоревич. Белова Мария Павловна. Титов Олег Романович.", {"center": True}),
        ("HomeMeter - приложение для учёта показаний счётчиков воды и электроэнергии", {"center": True}),
        ("Аннотация", {}),
        ("В работе описано приложение для учёта показаний счётчиков в многоквартирных домах.", {}),
    ])
    meta = read_document(path).meta
    assert meta.title_text == "HomeMeter - приложение для учёта показаний счётчиков воды и электроэнергии"
    assert meta.authors[:2] == ("Соколов Артём Игоревич", "Белова Мария Павловна")


def test_a_gost_7_32_referat_its_volume_keywords_and_paragraphs(tmp_path):
    # GOST 7.32's `РЕФЕРАТ`: the work's volume, the keywords in capitals with no label, then the
    # text in several paragraphs (the volume line had been read as the abstract, the keywords lost).
    path = _docx(tmp_path / "r.docx", [
        ("Методы оценки качества классификации текстов", {"bold": True, "center": True}),
        ("Петров П. П.", {"center": True}),
        ("РЕФЕРАТ", {"center": True}),
        ("Пояснительная записка 48 стр., 7 рис., 5 табл., 21 ист., 2 прил.", {}),
        ("КЛАССИФИКАЦИЯ ТЕКСТОВ, ОЦЕНКА КАЧЕСТВА, МЕТРИКИ, ВЫБОРКА", {}),
        ("Объектом исследования являются метрики качества классификации текстов.", {}),
        ("Целью работы является сравнение метрик на трёх выборках разного размера.", {}),
        ("ABSTRACT", {"center": True}),
        ("The work compares quality metrics of text classification on three samples.", {}),
    ], body=["ВВЕДЕНИЕ", "Классификация текстов применяется широко."])
    meta = read_document(path).meta
    assert meta.keywords == ("КЛАССИФИКАЦИЯ ТЕКСТОВ", "ОЦЕНКА КАЧЕСТВА", "МЕТРИКИ", "ВЫБОРКА")
    [(language, abstract)] = meta.abstracts
    text = "".join(getattr(node, "text", "") for node in abstract)
    assert text.startswith("Объектом исследования") and text.endswith("разного размера.")
