"""Small word lists the tagger's features look words up in (written for this project): given
names, cities, publishers' words, journals' words and months, in English, Russian and Kazakh.
Words are in `features.canonical` form (lower case, letters and digits, ё as е)."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GIVEN_NAMES = _words(
    """
    john mary james patricia robert jennifer michael linda william elizabeth david barbara richard susan joseph jessica thomas
    sarah charles karen daniel nancy matthew lisa anthony margaret mark sandra donald ashley steven emily paul donna andrew
    michelle kenneth carol joshua amanda kevin melissa brian deborah george stephanie timothy rebecca ronald laura jason helen
    edward anna jeffrey kimberly ryan angela jacob gary eric stephen larry justin scott frank brandon raymond gregory benjamin
    samuel patrick alexander jack dennis jerry tyler aaron henry douglas peter adam nathan zachary walter kyle harold carl
    arthur gerald roger keith jeremy lawrence terry sean christian albert joe ethan austin jesse willie billy bruce bryan
    ralph roy jordan eugene wayne alan juan louis russell gabriel randy philip harry vincent bobby johnny logan alice judith
    martha julie grace christine catherine frances ann joan evelyn jean cheryl ruth diane virginia julia victoria kelly
    lauren christina joyce judy rose hannah jacqueline marie teresa sara janet doris kathryn gloria heather megan olivia
    hans jurgen klaus wolfgang helmut dieter gunter karl heinz friedrich pierre jean jacques michel francois philippe
    alain bernard claude marco giuseppe luca giovanni francesco antonio mario carlos jose luis manuel miguel pedro ana maria
    wei li zhang wang liu chen yang hiroshi takashi yuki kenji sanjay rajesh amit priya ahmed mohamed ali fatima lars sven
    erik ingrid nils ole olaf piotr tomasz krzysztof jan pavel jiri noam abraham leslie edsger alan donald niklaus tony
    ivan olga dmitri dmitry alexei alexey nikolai nikolay yuri sergei sergey vladimir andrei andrey mikhail boris igor oleg
    александр сергей андрей дмитрий алексей иван михаил николай владимир евгений олег игорь юрий виктор павел константин
    борис геннадий вячеслав анатолий валерий леонид роман максим артем григорий федор эдуард тимур ярослав петр василий
    елена ольга наталья наталия татьяна ирина светлана анна мария екатерина юлия людмила галина марина надежда валентина
    вера лариса оксана алина ксения нина любовь зоя тамара
    нурлан ерлан аскар асқар бауыржан даурен дәурен кайрат қайрат ержан мурат мұрат талгат талғат галым ғалым серик серік
    бакытжан бақытжан айдос жандос алмас данияр ербол марат нурсултан нұрсұлтан касым қасым абай мухтар мұхтар
    айгуль айгүл гульнар гүлнар асель әсел дана жанар сауле сәуле айжан молдир мөлдір акмарал ақмарал гульмира гүлмира
    айгерим әйгерім меруерт
    nurlan erlan askar bauyrzhan dauren kairat yerzhan murat talgat galym serik aidos zhandos almas daniyar erbol marat
    aigul gulnar assel zhanar saule aizhan moldir akmaral gulmira aigerim meruert
    """
)

CITIES = _words(
    """
    москва moscow санкт-петербург петербург спб stpetersburg saintpetersburg petersburg ленинград leningrad новосибирск
    novosibirsk екатеринбург ekaterinburg yekaterinburg казань kazan томск tomsk самара samara воронеж voronezh пенза penza
    ростов-на-дону ростовнадону rostov минск minsk киев kiev kyiv харьков kharkov одесса ташкент tashkent
    бишкек bishkek алматы almaty алма-ата алмаата almaata астана astana нур-султан нурсултан nursultan караганда karaganda
    шымкент shymkent павлодар pavlodar оскемен өскемен усть-каменогорск тараз taraz актобе ақтөбе aktobe атырау костанай
    қостанай семей semey
    london newyork boston cambridge oxford berlin heidelberg paris amsterdam tokyo beijing shanghai singapore
    chicago philadelphia princeton berkeley stanford washington toronto montreal sydney melbourne vienna zurich geneva
    rome milan madrid barcelona lisbon stockholm copenhagen oslo helsinki warsaw prague budapest munich hamburg frankfurt
    leipzig dordrecht chichester hoboken redwood norwood needham englewood
    piscataway pittsburgh seattle austin atlanta baltimore seoul delhi mumbai bangalore
    istanbul ankara tehran cairo basel bern leiden utrecht tubingen gottingen
    """
)

PUBLISHER_WORDS = _words(
    """
    press publ publishers publisher publishing verlag springer elsevier wiley sons pergamon academic kluwer routledge
    sage mit ieee acm siam ams cambridge oxford university univ prentice hall mcgraw-hill mcgrawhill addison-wesley
    addisonwesley wesley pearson morgan kaufmann crc taylor francis north-holland northholland dover birkhauser nauka
    наука мир физматлит юрайт инфра-м инфрам питер лань изд-во издво издательство изд баспасы университеті ғылым мектеп
    жазушы білім фолиант елорда эверо высшая школа радио связь финансы статистика энергоатомиздат вильямс эксмо
    дашков кнорус феникс наукова думка вышэйшая
    """
)

JOURNAL_WORDS = _words(
    """
    journal j jour trans transactions proc proceedings review rev letters lett bulletin bull annals ann quarterly magazine
    research science sciences physics phys chemistry chem mathematics math applied appl international int computer comput
    engineering eng systems syst acta archives arch reports rep nature studies stud
    вестник журнал известия доклады труды вопросы проблемы успехи хабаршысы хабарлары известия серия сериясы
    """
)

MONTHS = _words(
    """
    jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov
    november dec december spring summer autumn fall winter января февраля марта апреля мая июня июля августа сентября
    октября ноября декабря январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
    janvier fevrier février mars avril mai juin juillet aout août septembre octobre novembre decembre décembre januar
    februar marz märz juni juli oktober dezember
    """
)
