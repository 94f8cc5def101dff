"""A Welsh translation of the demo parents' notice, written for the demo in plain Welsh.

Each entry translates version 1 of a clause in `library.py`: heading, body and summary, with
exactly the placeholders the English uses (the translation is refused otherwise). Pure data.
"""

from __future__ import annotations

from notices.demo.library import (
    DATA_REQUEST_LINK,
    DPO_EMAIL_LINK,
    PUPILS_AND_PARENTS,
    SCHOOL_EMAIL_LINK,
    _bullets,
    _text,
)

LANGUAGE = "cy"
NOTICE_TITLE = "Sut rydym yn defnyddio gwybodaeth am ddisgyblion a rhieni"
NOTICE_AUDIENCE = "Rhieni, gofalwyr a disgyblion"
NOTICE_TYPE_SLUG = PUPILS_AND_PARENTS.slug

# key: (heading, body, summary)
CLAUSES: dict[str, tuple[str, str, str]] = {
    "who-we-are": (
        "Pwy ydym ni",
        _text(
            "{{ school.name }} sy'n penderfynu pa wybodaeth bersonol sydd ei hangen, pam mae ei "
            "hangen a sut mae'n cael ei chadw'n ddiogel. Yng nghyfraith diogelu data, mae hyn yn "
            "golygu mai'r ysgol yw *rheolydd* y wybodaeth.",
            "Ein cyfeiriad yw {{ school.address }}. Rydym wedi cofrestru gyda Swyddfa'r "
            "Comisiynydd Gwybodaeth fel rheolydd, rhif cofrestru "
            "{{ school.ico_registration_number }}.",
            "Mae gweddill yr hysbysiad hwn yn esbonio pa wybodaeth sydd gennym, beth rydym yn ei "
            "wneud â hi, pwy arall sy'n ei gweld a'r dewisiadau sydd gennych dan y gyfraith.",
        ),
        "{{ school.name }} sy'n penderfynu sut mae eich gwybodaeth bersonol yn cael ei "
        "defnyddio, ac sy'n gyfrifol am ofalu amdani.",
    ),
    "data-protection-officer": (
        "Ein swyddog diogelu data",
        _text(
            "Rhaid i bob ysgol benodi swyddog diogelu data (DPO). Mae'r swyddog yn annibynnol: "
            "ei waith yw gwirio ein bod yn dilyn y gyfraith, ein cynghori, a bod yn bwynt "
            "cyswllt i chi ac i'r rheoleiddiwr.",
            "Mae ein gwasanaeth diogelu data yn cael ei ddarparu gan {{ dpo.organisation }}. "
            "Gallwch gysylltu â {{ dpo.name }} drwy e-bost yn " + DPO_EMAIL_LINK + ", dros y "
            "ffôn ar {{ dpo.phone }}, neu drwy'r post yn {{ dpo.address }}.",
            "Mae croeso i chi fynd yn syth at y swyddog, er bod swyddfa'r ysgol yn aml yn gallu "
            "ateb cwestiwn yn gynt.",
        ),
        "Mae ein swyddog diogelu data yn gwirio ein bod yn dilyn y gyfraith. Gallwch gysylltu "
        "yn " + DPO_EMAIL_LINK + " neu ar {{ dpo.phone }}.",
    ),
    "pupil-information-we-hold": (
        "Beth sydd gennym am ddisgyblion",
        _text(
            "Mae'r wybodaeth rydym yn ei chadw am ddisgyblion yn cynnwys:",
            _bullets(
                "enw, dyddiad geni, rhif disgybl unigryw, cyfeiriad a'r ieithoedd a siaredir "
                "gartref",
                "nodweddion fel ethnigrwydd, cenedligrwydd a hawl i brydau ysgol am ddim",
                "presenoldeb: y sesiynau a fynychwyd, absenoldebau a'r rhesymau drostynt",
                "asesiadau athrawon, canlyniadau profion ac arholiadau, ac adroddiadau",
                "cofnodion ymddygiad, gan gynnwys unrhyw waharddiad",
                "cyflyrau meddygol, alergeddau, anghenion deiet ac enw'r meddyg teulu",
                "anghenion dysgu ychwanegol, gan gynnwys unrhyw gynllun cymorth",
                "gwybodaeth diogelu, fel cynlluniau amddiffyn plant a gorchmynion llys",
                "ffotograffau, a recordiadau teledu cylch cyfyng",
            ),
        ),
        "Rydym yn cadw manylion cyswllt disgyblion, eu presenoldeb, eu cynnydd, eu hiechyd a'u "
        "hanghenion cymorth, a chofnodion diogelu.",
    ),
    "parent-information-we-hold": (
        "Beth sydd gennym am rieni a gofalwyr",
        _text(
            "Ar gyfer y rhieni, y gofalwyr a'r oedolion eraill sy'n gofalu am ein disgyblion, "
            "rydym yn cadw:",
            _bullets(
                "enwau, cyfeiriadau, rhifau ffôn a chyfeiriadau e-bost",
                "eich perthynas â'r disgybl ac a oes gennych gyfrifoldeb rhiant",
                "pwy i'w ffonio mewn argyfwng, ac ym mha drefn",
                "gorchmynion llys neu drefniadau eraill sy'n effeithio ar bwy gaiff gasglu disgybl",
                "taliadau am brydau, teithiau a chlybiau",
                "yr hyn rydych yn ei ddweud wrthym mewn llythyrau, negeseuon e-bost a "
                "chyfarfodydd, pan fydd angen cofnod arnom",
            ),
        ),
        "Rydym yn cadw manylion cyswllt rhieni a gofalwyr, pwy i'w ffonio mewn argyfwng, a "
        "chofnodion taliadau.",
    ),
    "special-category-data": (
        "Gwybodaeth arbennig o sensitif",
        _text(
            "Mae'r gyfraith yn rhoi gwarchodaeth ychwanegol i rai mathau o wybodaeth. Yn yr "
            "ysgol, mae hyn yn golygu yn bennaf:",
            _bullets(
                "iechyd, gan gynnwys iechyd meddwl, meddyginiaeth a chynlluniau gofal",
                "tarddiad ethnig a chrefydd",
                "data biometrig, lle mae'r ysgol yn ei ddefnyddio ar gyfer cinio neu'r llyfrgell",
            ),
            "I ddefnyddio'r wybodaeth hon mae angen amod ychwanegol arnom. Fel arfer, rheswm o "
            "fudd sylweddol i'r cyhoedd yw hwn, fel diogelu plant. Weithiau, eich caniatâd clir "
            "chi ydyw, neu'r angen i amddiffyn bywyd rhywun mewn argyfwng.",
        ),
        "Mae gwybodaeth am iechyd, ethnigrwydd, crefydd a data biometrig yn cael ei gwarchod "
        "yn fwy caeth, a dim ond pan fydd y gyfraith yn caniatáu y byddwn yn ei defnyddio.",
    ),
    "why-we-use-pupil-information": (
        "Pam rydym yn defnyddio'r wybodaeth hon",
        _text(
            "Rydym yn defnyddio gwybodaeth am ddisgyblion a rhieni i:",
            _bullets(
                "addysgu disgyblion a helpu pob un i wneud cynnydd",
                "cadw disgyblion yn ddiogel a gofalu am eu hiechyd a'u lles",
                "cofnodi presenoldeb a dilyn absenoldebau",
                "rhoi'r cymorth ychwanegol sydd ei angen ar ddisgyblion",
                "dweud wrth rieni sut mae eu plentyn yn dod ymlaen",
                "darparu prydau, teithiau a chlybiau",
                "cadw mewn cysylltiad â theuluoedd, gan gynnwys mewn argyfwng",
                "anfon y ffurflenni y mae'r gyfraith yn eu mynnu at yr Adran Addysg ac at "
                "{{ authority.name }}",
            ),
        ),
        "Rydym yn defnyddio gwybodaeth i addysgu disgyblion, eu cadw'n ddiogel, diwallu eu "
        "hanghenion a chadw mewn cysylltiad â theuluoedd.",
    ),
    "lawful-basis": (
        "Ein sail gyfreithlon",
        _text(
            "Dim ond pan fydd y gyfraith yn rhoi sail i ni y cawn ddefnyddio gwybodaeth "
            "bersonol. Mae'r rhan fwyaf o'n gwaith yn dibynnu ar un o'r rhain:",
            _bullets(
                "*tasg gyhoeddus*: mae addysgu plant a'u cadw'n ddiogel yn swyddogaethau y mae'r "
                "gyfraith yn eu rhoi i ysgolion",
                "*rhwymedigaeth gyfreithiol*: mae rhai pethau y mae'n rhaid i ni eu gwneud, fel "
                "cadw cofrestr presenoldeb",
                "*buddiannau hanfodol*: mewn argyfwng gallwn ddefnyddio neu rannu gwybodaeth i "
                "amddiffyn bywyd rhywun",
                "*caniatâd*: ar gyfer rhai pethau, fel rhoi ffotograffau ar gyfryngau "
                "cymdeithasol, rydym yn gofyn yn gyntaf ac mae croeso i chi wrthod",
            ),
        ),
        "Ein tasg gyhoeddus neu ddyletswydd gyfreithiol yw sail y rhan fwyaf o'n gwaith; ar "
        "gyfer ambell beth, fel ffotograffau ar-lein, rydym yn gofyn am eich caniatâd.",
    ),
    "legitimate-interests": (
        "Buddiannau dilys",
        _text(
            "Fel corff cyhoeddus, ni allwn ddibynnu ar *fuddiannau dilys* ar gyfer ein gwaith "
            "fel ysgol. Dim ond ar gyfer ambell weithgaredd y tu allan i'r gwaith hwnnw y "
            "byddwn yn ei ddefnyddio, fel rhoi gwybod i gyn-ddisgyblion sydd wedi gofyn am "
            "aduniadau.",
            "Cyn dibynnu arno, rydym yn pwyso a mesur ein buddiant yn erbyn eich preifatrwydd, "
            "a gallwch ofyn i ni stopio ar unrhyw adeg.",
        ),
        "Dim ond ar gyfer pethau y tu allan i'n gwaith fel ysgol y byddwn yn dibynnu ar "
        "fuddiannau dilys, fel newyddion am aduniadau.",
    ),
    "where-information-comes-from": (
        "O ble daw'r wybodaeth",
        _text(
            "Daw'r rhan fwyaf o'r hyn a wyddom gennych chi: y ffurflen dderbyn, y gwiriad data "
            "a anfonwn adref bob blwyddyn, a'r hyn rydych yn ei ddweud wrthym. Daw peth o "
            "fannau eraill:",
            _bullets(
                "ysgol flaenorol disgybl, sy'n anfon *ffeil trosglwyddo gyffredin* a "
                "chofnodion y disgybl",
                "{{ authority.name }}, er enghraifft cynigion lle a gwybodaeth diogelu",
                "yr Adran Addysg, er enghraifft rhifau disgybl unigryw",
                "gweithwyr iechyd proffesiynol, fel y nyrs ysgol, ac asiantaethau eraill sy'n "
                "gweithio gyda theulu",
            ),
        ),
        "Daw'r rhan fwyaf o'r wybodaeth gennych chi; daw peth o ysgol flaenorol disgybl, y "
        "cyngor a gwasanaethau iechyd.",
    ),
    "collecting-information": (
        "Gwybodaeth y mae'n rhaid i chi ei rhoi, a gwybodaeth ddewisol",
        _text(
            "Mae llawer o'r hyn rydym yn gofyn amdano yn ofynnol, naill ai am fod y gyfraith yn "
            "dweud hynny neu am na allem ofalu am ddisgyblion yn ddiogel hebddo, fel manylion "
            "cyswllt mewn argyfwng.",
            "Mae gwybodaeth arall yn ddewisol. Pryd bynnag y byddwn yn gofyn, byddwn yn dweud a "
            "oes rhaid ateb. Ni fydd gadael cwestiwn dewisol yn wag byth yn effeithio ar le "
            "disgybl na sut y caiff ei drin.",
        ),
        "Mae angen rhywfaint o wybodaeth dan y gyfraith neu er diogelwch; byddwn bob amser yn "
        "dweud pa gwestiynau y gallwch eu gadael yn wag.",
    ),
    "who-we-share-with": (
        "Gyda phwy rydym yn rhannu gwybodaeth",
        _text(
            "Dim ond pan fydd y gyfraith yn mynnu hynny, pan fydd ei angen i ddarparu "
            "gwasanaeth i ddisgyblion, neu pan fyddwch chi wedi cytuno, y byddwn yn rhannu "
            "gwybodaeth bersonol. Nid ydym yn rhannu mwy nag sydd ei angen.",
            "Dyma'r sefydliadau rydym yn rhannu â nhw'n rheolaidd, pam, a ble i ddarllen sut "
            "mae pob un yn trin y wybodaeth (mae'r rhestr yn Saesneg):",
            "{{ partners }}",
            "Dim ond ar ein cyfarwyddyd ni, dan gontract ysgrifenedig, y mae cwmnïau sy'n "
            "darparu gwasanaethau i ni yn gweithredu.",
        ),
        "Dim ond pan fydd y gyfraith yn mynnu hynny, i ddarparu gwasanaeth, neu gyda'ch "
        "cytundeb chi y byddwn yn rhannu gwybodaeth, a dim mwy nag sydd ei angen.",
    ),
    "sharing-to-keep-people-safe": (
        "Rhannu i gadw pobl yn ddiogel",
        _text(
            "Weithiau mae'n rhaid i ni rannu gwybodaeth heb ofyn yn gyntaf, oherwydd gallai "
            "aros roi rhywun mewn perygl: er enghraifft pan fyddwn yn poeni y gallai plentyn "
            "gael niwed, neu pan fydd yr heddlu angen gwybodaeth i atal trosedd.",
            "Rydym yn cofnodi beth a rannwyd, gyda phwy a pham. Oni bai y byddai dweud wrthych "
            "yn cynyddu'r perygl, byddwn yn rhoi gwybod i chi wedyn.",
        ),
        "Os gall rhywun fod mewn perygl, gallwn rannu gwybodaeth heb ofyn yn gyntaf, ac rydym "
        "yn cofnodi'r hyn a rannwyd.",
    ),
    "department-for-education": (
        "Yr Adran Addysg",
        _text(
            "Mae'r Adran Addysg yn casglu gwybodaeth am ddisgyblion gan bob ysgol a ariennir "
            "gan y wladwriaeth, yn bennaf drwy'r cyfrifiad ysgolion. Mae'r gyfraith yn mynnu "
            "ein bod yn anfon y wybodaeth hon, felly nid ydym yn gofyn am ganiatâd.",
            "Mae'r Adran yn defnyddio'r wybodaeth i benderfynu faint o arian y mae ysgolion yn "
            "ei gael ac i fonitro'r system addysg. Gallwch ofyn i ni beth rydym yn ei anfon.",
        ),
        "Dan y gyfraith, rydym yn anfon gwybodaeth cyfrifiad am ddisgyblion at yr Adran "
        "Addysg sawl gwaith y flwyddyn.",
    ),
    "national-pupil-database": (
        "Y Gronfa Ddata Disgyblion Genedlaethol",
        _text(
            "Mae'r Adran Addysg yn cadw llawer o wybodaeth y cyfrifiad yn y *Gronfa Ddata "
            "Disgyblion Genedlaethol*, cofnod hirdymor a ddefnyddir ar gyfer ystadegau ac "
            "ymchwil.",
            "Gall yr Adran rannu darnau o'r gronfa ag ymchwilwyr a chyrff eraill, ond mae pob "
            "cais yn cael ei wirio yn gyntaf a rhaid dilyn rheolau caeth. Yr Adran, nid yr "
            "ysgol, yw'r rheolydd: cysylltwch â hi'n uniongyrchol i weld beth sydd ganddi.",
        ),
        "Mae'r Adran Addysg yn cadw gwybodaeth y cyfrifiad yn y Gronfa Ddata Disgyblion "
        "Genedlaethol, ac yn ei rhannu dan reolau caeth yn unig.",
    ),
    "local-authority": (
        "Ein hawdurdod lleol",
        _text(
            "Mae gan {{ authority.name }} ddyletswyddau cyfreithiol tuag at blant yn ei ardal, "
            "gan gynnwys derbyniadau, anghenion dysgu ychwanegol, presenoldeb a diogelu. I'w "
            "helpu, rydym yn rhannu gwybodaeth â'r cyngor.",
            "Gallwch ddarllen sut mae'r cyngor yn defnyddio'r wybodaeth hon ar [ei wefan]"
            "({{ authority.website }}).",
        ),
        "Rydym yn rhannu gwybodaeth â {{ authority.name }} er mwyn iddo gyflawni ei "
        "ddyletswyddau tuag at blant.",
    ),
    "youth-support-services": (
        "Gwasanaethau cymorth ieuenctid",
        _text(
            "Pan fydd disgybl yn troi'n 13 oed, mae'r gyfraith yn gofyn i ni rannu rhywfaint o "
            "wybodaeth â gwasanaethau cymorth ieuenctid {{ authority.name }}. Maen nhw'n helpu "
            "pobl ifanc gydag addysg, hyfforddiant a gyrfaoedd.",
            "Hyd nes bydd disgybl yn 16 oed, gall rhiant ofyn i ni rannu'r enw, y cyfeiriad a'r "
            "dyddiad geni yn unig. O 16 oed, gall disgyblion wneud y dewis eu hunain.",
        ),
        "O 13 oed, rydym yn rhannu rhywfaint o wybodaeth â gwasanaethau cymorth ieuenctid, sy'n "
        "helpu pobl ifanc gydag addysg a gyrfaoedd.",
    ),
    "when-pupils-move-on": (
        "Pan fydd disgybl yn gadael",
        _text(
            "Pan fydd disgybl yn symud i ysgol arall, rydym yn anfon ei gofnod ysgol a ffeil "
            "trosglwyddo gyffredin i'r ysgol newydd o fewn 15 diwrnod ysgol.",
            "Os nad ydym yn gwybod i ble mae disgybl wedi mynd, rydym yn dweud wrth "
            "{{ authority.name }}, sydd â dyletswydd i ddod o hyd i blant nad ydynt yn cael "
            "addysg.",
        ),
        "Pan fydd disgybl yn symud ysgol, rydym yn anfon ei gofnod i'r ysgol newydd.",
    ),
    "our-usual-next-school": (
        "Symud ymlaen i'r ysgol nesaf",
        _text(
            "Mae'r rhan fwyaf o'n disgyblion yn symud ymlaen i {{ school.transfers_to }}. Yn eu "
            "tymor olaf gyda ni, mae ein hathrawon yn cwrdd â staff yno i rannu'r hyn a fydd yn "
            "helpu pob plentyn i setlo.",
            "Mae'r cofnod ysgol llawn yn dilyn ar ôl i'r plentyn ddechrau yn ei ysgol newydd.",
        ),
        "Mae'r rhan fwyaf o ddisgyblion yn symud ymlaen i {{ school.transfers_to }}, ac rydym "
        "yn rhannu'r hyn sy'n helpu pob plentyn i setlo.",
    ),
    "international-transfers": (
        "Gwybodaeth a anfonir y tu allan i'r DU",
        _text(
            "Rydym yn cadw gwybodaeth bersonol yn y DU lle bynnag y gallwn. Gall rhai "
            "gwasanaethau ar-lein, fel e-bost, storio data mewn gwledydd eraill. Dim ond pan "
            "fydd y DU yn cydnabod bod y wlad yn diogelu data'n ddigonol, neu pan fydd y "
            "contract yn cynnwys y mesurau diogelu sy'n ofynnol, y byddwn yn eu dewis.",
        ),
        "Rydym yn cadw gwybodaeth yn y DU lle bynnag y gallwn, a dim ond lle mae mesurau "
        "diogelu'r gyfraith yn berthnasol y byddwn yn defnyddio gwasanaethau dramor.",
    ),
    "how-long-we-keep-information": (
        "Am ba hyd rydym yn cadw gwybodaeth",
        _text(
            "Dim ond cyhyd ag sydd ei angen y byddwn yn cadw gwybodaeth bersonol. Mae ein "
            "rhestr gadw yn pennu cyfnod ar gyfer pob math o gofnod, er enghraifft:",
            _bullets(
                "mae'r ysgol olaf y mae disgybl yn ei mynychu yn cadw'r ffeil nes i'r disgybl "
                "gyrraedd 25 oed",
                "mae ceisiadau am le yn cael eu cadw am flwyddyn",
                "gall cofnodion diogelu gael eu cadw'n llawer hirach",
            ),
            "Ar ddiwedd y cyfnod, rydym yn dileu cofnodion electronig ac yn rhwygo rhai papur "
            "yn ddiogel.",
        ),
        "Dim ond cyhyd ag y mae ein rhestr gadw yn ei ddweud y byddwn yn cadw gwybodaeth, ac "
        "yna rydym yn ei dileu neu'n ei rhwygo'n ddiogel.",
    ),
    "keeping-information-secure": (
        "Cadw gwybodaeth yn ddiogel",
        _text(
            "Rydym yn diogelu gwybodaeth bersonol rhag cael ei cholli, ei chamddefnyddio neu ei "
            "gweld gan bobl na ddylai ei gweld. Ymhlith pethau eraill, rydym yn:",
            _bullets(
                "rhoi mynediad i staff at y cofnodion sydd eu hangen ar gyfer eu gwaith yn unig",
                "diogelu ein systemau â chyfrineiriau cryf, mewngofnodi dau gam ac amgryptio",
                "cloi ffeiliau papur a'u rhwygo pan nad oes eu hangen mwyach",
                "hyfforddi pob aelod o staff mewn diogelu data",
            ),
            "Os aiff rhywbeth o'i le, rydym yn gweithredu'n gyflym, a lle mae'r gyfraith yn "
            "mynnu, rydym yn rhoi gwybod i Swyddfa'r Comisiynydd Gwybodaeth ac i'r bobl dan "
            "sylw.",
        ),
        "Rydym yn cyfyngu ar bwy all weld gwybodaeth, yn diogelu ein systemau a'n ffeiliau "
        "papur, ac yn gweithredu'n gyflym os aiff rhywbeth o'i le.",
    ),
    "your-rights": (
        "Eich hawliau",
        _text(
            "Mae cyfraith diogelu data yn rhoi hawliau i chi dros eich gwybodaeth bersonol. Yn "
            "fyr, gallwch ofyn i ni:",
            _bullets(
                "roi copi i chi o'r wybodaeth sydd gennym amdanoch",
                "cywiro gwybodaeth sy'n anghywir",
                "dileu gwybodaeth",
                "cyfyngu ar sut rydym yn defnyddio gwybodaeth",
                "stopio defnyddio gwybodaeth, drwy wrthwynebu",
                "trosglwyddo rhywfaint o wybodaeth mewn ffurf y gallwch ei rhoi i rywun arall",
            ),
            "Fel arfer, byddwn yn ateb o fewn mis, ac nid oes tâl.",
        ),
        "Gallwch ofyn i weld, cywiro neu ddileu eich gwybodaeth, neu gyfyngu ar sut rydym yn "
        "ei defnyddio. Fel arfer, byddwn yn ateb o fewn mis, yn rhad ac am ddim.",
    ),
    "right-of-access": (
        "Gweld y wybodaeth sydd gennym",
        _text(
            "Gallwch ofyn am gopi o'r wybodaeth bersonol sydd gennym amdanoch. *Cais gwrthrych "
            "am wybodaeth* yw'r enw ar hyn. Gyda'r copi, byddwn yn esbonio pam mae gennym y "
            "wybodaeth, o ble y daeth, gyda phwy y cafodd ei rhannu ac am ba hyd y byddwn yn "
            "ei chadw.",
            "Gallwch wneud cais yn ysgrifenedig neu wyneb yn wyneb, ond mae'n ein helpu i ateb "
            "yn gyflym os cysylltwch â {{ school.data_request_contact }} yn "
            + DATA_REQUEST_LINK
            + ". Efallai y byddwn yn gofyn i chi brofi pwy ydych chi yn gyntaf.",
        ),
        "Gallwch ofyn am gopi o'r wybodaeth sydd gennym amdanoch. Cysylltwch â "
        "{{ school.data_request_contact }} yn " + DATA_REQUEST_LINK + ".",
    ),
    "right-to-rectification": (
        "Cywiro gwybodaeth",
        _text(
            "Os yw rhywbeth sydd gennym amdanoch yn anghywir neu'n anghyflawn, dywedwch wrthym "
            "a byddwn yn ei gywiro. Rhowch wybod i swyddfa'r ysgol pan fydd eich rhif ffôn neu "
            "eich cyfeiriad yn newid.",
        ),
        "Dywedwch wrthym os oes unrhyw beth sydd gennym yn anghywir neu'n hen, a byddwn yn ei "
        "gywiro.",
    ),
    "right-to-erasure": (
        "Dileu gwybodaeth",
        _text(
            "Gallwch ofyn i ni ddileu gwybodaeth bersonol, er enghraifft pan nad oes ei hangen "
            "arnom mwyach neu pan fyddwch wedi tynnu eich caniatâd yn ôl.",
            "Rhaid i ysgol gadw llawer o'r hyn sydd ganddi, oherwydd y gyfraith neu i gadw pobl "
            "yn ddiogel. Os na allwn ddileu rhywbeth, byddwn yn esbonio pam.",
        ),
        "Gallwch ofyn i ni ddileu gwybodaeth; mae'r gyfraith yn mynnu ein bod yn cadw rhai "
        "cofnodion, a byddwn yn esbonio os na allwn.",
    ),
    "right-to-restrict-processing": (
        "Cyfyngu ar sut rydym yn defnyddio gwybodaeth",
        _text(
            "Gallwch ofyn i ni beidio â defnyddio gwybodaeth, heblaw ei chadw'n ddiogel, tra "
            "bydd problem yn cael ei datrys, er enghraifft tra byddwn yn gwirio gwybodaeth "
            "rydych wedi dweud ei bod yn anghywir.",
            "Byddwn yn dweud wrthych cyn codi cyfyngiad.",
        ),
        "Tra bydd problem yn cael ei datrys, gallwch ofyn i ni gadw gwybodaeth yn ddiogel heb "
        "ei defnyddio.",
    ),
    "right-to-object": (
        "Gwrthwynebu sut rydym yn defnyddio gwybodaeth",
        _text(
            "Pan fyddwn yn defnyddio gwybodaeth fel rhan o'n tasg gyhoeddus, gallwch wrthwynebu "
            "oherwydd eich sefyllfa eich hun. Byddwn yn stopio oni bai bod gennym resymau cryf "
            "dros barhau.",
            "Nid ydym yn defnyddio gwybodaeth bersonol ar gyfer marchnata.",
        ),
        "Gallwch wrthwynebu sut rydym yn defnyddio gwybodaeth oherwydd eich sefyllfa eich hun. "
        "Nid ydym byth yn ei defnyddio ar gyfer marchnata.",
    ),
    "right-to-data-portability": (
        "Mynd â'ch gwybodaeth i rywle arall",
        _text(
            "Ar gyfer gwybodaeth a roesoch chi i ni, ac rydym yn ei defnyddio ar sail eich "
            "caniatâd neu gontract, gallwch ofyn am gopi mewn fformat digidol cyffredin.",
            "Gan fod y rhan fwyaf o waith ysgol yn dibynnu ar ei thasg gyhoeddus, dim ond rhan "
            "fach o'r hyn sydd gennym y mae'r hawl hon yn ei chynnwys.",
        ),
        "Ar gyfer rhywfaint o'r wybodaeth a roesoch i ni, gallwch ofyn am gopi mewn fformat "
        "digidol cyffredin.",
    ),
    "withdrawing-consent": (
        "Newid eich meddwl am ganiatâd",
        _text(
            "Lle rydym yn dibynnu ar eich caniatâd, er enghraifft i ddefnyddio ffotograff, "
            "gallwch ei dynnu'n ôl pryd bynnag y dymunwch. Anfonwch e-bost at swyddfa'r ysgol "
            "yn " + SCHOOL_EMAIL_LINK + " neu ffoniwch {{ school.phone }}.",
            "Ni fydd neb yn cael ei drin yn wahanol am wrthod caniatâd neu am ei dynnu'n ôl.",
        ),
        "Lle gwnaethom ofyn am eich caniatâd, gallwch newid eich meddwl ar unrhyw adeg drwy "
        "gysylltu â swyddfa'r ysgol.",
    ),
    "automated-decisions": (
        "Penderfyniadau gan gyfrifiadur",
        _text(
            "Nid ydym yn gwneud penderfyniadau am neb gan gyfrifiadur yn unig. Pan fydd "
            "meddalwedd yn ein helpu, mae aelod o staff yn edrych ar y ffeithiau ac yn gwneud "
            "y penderfyniad.",
        ),
        "Person, nid cyfrifiadur, sy'n gwneud pob penderfyniad amdanoch.",
    ),
    "childrens-rights-and-educational-record": (
        "Hawliau plant a'r cofnod addysgol",
        _text(
            "Mae'r hawliau yn yr hysbysiad hwn yn perthyn i'r person y mae'r wybodaeth "
            "amdano, felly disgyblion sy'n berchen ar yr hawliau dros eu cofnodion eu hunain. "
            "Gall rhiant neu ofalwr eu defnyddio ar ran plentyn sy'n rhy ifanc i'w deall.",
            "Os yw eich plentyn mewn ysgol a gynhelir, mae gennych hawl ar wahân hefyd i weld "
            "ei *gofnod addysgol*. Gofynnwch i {{ school.data_request_contact }} yn "
            + DATA_REQUEST_LINK
            + ".",
        ),
        "Disgyblion sydd â'r hawliau dros eu gwybodaeth eu hunain; gall rhieni weithredu ar "
        "ran plant ifanc.",
    ),
    "photographs-and-biometrics": (
        "Ffotograffau ac adnabod biometrig",
        _text(
            "Rydym yn tynnu ffotograffau o ddisgyblion i'w hadnabod, i'w cadw'n ddiogel ac i "
            "gofnodi eu gwaith. Dim ond gyda chaniatâd y byddwn yn defnyddio ffotograffau mewn "
            "unrhyw ffordd arall, fel ar y wefan neu ar gyfryngau cymdeithasol.",
            "Lle rydym yn defnyddio adnabod biometrig, fel darllenydd olion bysedd ar gyfer "
            "cinio, mae angen caniatâd ysgrifenedig rhiant arnom cyn dechrau.",
        ),
        "Dim ond gyda chaniatâd y byddwn yn defnyddio ffotograffau y tu hwnt i gofnodion yr "
        "ysgol, ac unrhyw system olion bysedd.",
    ),
    "cctv": (
        "Teledu cylch cyfyng",
        _text(
            "Rydym yn defnyddio teledu cylch cyfyng (CCTV) wrth y mynedfeydd ac mewn rhannau o'r "
            "tir i gadw'r safle a'r bobl arno'n ddiogel. Mae arwyddion yn dangos lle mae "
            "camerâu'n recordio. Nid oes camerâu mewn toiledau nac ystafelloedd newid.",
            "Mae recordiadau'n cael eu dileu ar ôl 30 diwrnod oni bai bod eu hangen. I ofyn am "
            "luniau ohonoch chi'ch hun, cysylltwch â {{ school.data_request_contact }}.",
        ),
        "Rydym yn recordio rhannau o'r safle ar CCTV er diogelwch; mae recordiadau'n cael eu "
        "dileu ar ôl 30 diwrnod oni bai bod eu hangen.",
    ),
    "cookies": (
        "Cwcis ar ein gwefan",
        _text(
            "Mae ein gwefan, [{{ school.website }}]({{ school.website }}), yn rhoi ychydig o "
            "ffeiliau bach o'r enw cwcis ar eich dyfais. Mae angen rhai er mwyn i'r wefan "
            "weithio. Dim ond os ydych yn cytuno y bydd eraill, fel ystadegau ymwelwyr, yn cael "
            "eu gosod.",
        ),
        "Dim ond os ydych yn cytuno y bydd ein gwefan yn gosod cwcis ystadegau.",
    ),
    "complaints": (
        "Os ydych yn anhapus",
        _text(
            "Os ydych yn anhapus â'r ffordd rydym wedi trin gwybodaeth bersonol, dywedwch "
            "wrthym er mwyn i ni geisio ei unioni. Cysylltwch â swyddfa'r ysgol neu â'n "
            "swyddog diogelu data.",
            "Mae gennych hawl hefyd i gwyno i Swyddfa'r Comisiynydd Gwybodaeth (ICO), "
            "rheoleiddiwr annibynnol y DU ar gyfer diogelu data, ar-lein yn "
            "[ico.org.uk/make-a-complaint](https://ico.org.uk/make-a-complaint/) neu ar "
            "0303 123 1113.",
        ),
        "Os ydych yn anhapus, dywedwch wrth yr ysgol neu ein swyddog diogelu data yn gyntaf. "
        "Gallwch hefyd gwyno i Swyddfa'r Comisiynydd Gwybodaeth.",
    ),
    "how-to-contact-us": (
        "Sut i gysylltu â ni",
        _text(
            "Os oes gennych gwestiwn am yr hysbysiad hwn neu am y wybodaeth sydd gennym, "
            "cysylltwch â ni:",
            _bullets(
                "drwy e-bost: " + SCHOOL_EMAIL_LINK,
                "dros y ffôn: {{ school.phone }}",
                "drwy'r post: {{ school.address }}, at sylw'r pennaeth, {{ school.headteacher }}",
                "ar-lein: [{{ school.website }}]({{ school.website }})",
            ),
        ),
        "Anfonwch e-bost at " + SCHOOL_EMAIL_LINK + " neu ffoniwch {{ school.phone }} gydag "
        "unrhyw gwestiwn am yr hysbysiad hwn.",
    ),
    "changes-to-this-notice": (
        "Newidiadau i'r hysbysiad hwn",
        _text(
            "Rydym yn adolygu'r hysbysiad hwn o leiaf unwaith y flwyddyn, ac yn gynt os bydd y "
            "ffordd rydym yn defnyddio gwybodaeth bersonol yn newid. Mae pob fersiwn wedi'i "
            "rhifo a'i dyddio.",
            "Os bydd newid yn effeithio'n sylweddol arnoch, byddwn yn dweud wrthych yn "
            "uniongyrchol.",
        ),
        "Rydym yn adolygu'r hysbysiad hwn bob blwyddyn ac yn dweud wrthych yn uniongyrchol am "
        "unrhyw newid sy'n effeithio'n sylweddol arnoch.",
    ),
}
