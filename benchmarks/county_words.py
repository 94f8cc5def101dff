"""The fictional words the benchmarks' county is built from: places, schools, partners and
the clauses of its notice."""

PLACES = [
    "Abbey", "Ashfield", "Beechwood", "Birchanger", "Broomfield", "Castle", "Chantry",
    "Cherry Tree", "Church Langley", "Coppice", "Danbury", "Elmwood", "Fairfield", "Felsted",
    "Great Baddow", "Hatfield Peverel", "Hawkwell", "Highwood", "Holly Trees", "Kingsmoor",
    "Langford", "Larkrise", "Meadgate", "Mill Hill", "Moulsham", "Northlands", "Oakfield",
    "Parkwood", "Priory", "Queen's Park", "Ravenscroft", "Riverside", "St Andrew's", "St John's",
    "St Mary's", "St Michael's", "Tollgate", "Westlands", "Whitmore", "Woodville",
]  # fmt: skip


KINDS = [
    ("Primary School", "primary", "Community school"),
    ("Church of England Primary School", "primary", "Voluntary aided school"),
    ("Infant School", "infant", "Community school"),
    ("Junior School", "junior", "Foundation school"),
    ("Primary Academy", "primary", "Academy converter"),
    ("Catholic Primary School", "primary", "Voluntary aided school"),
    ("Academy", "secondary", "Academy sponsor led"),
    ("High School", "secondary", "Academy converter"),
    ("Nursery School", "nursery", "Local authority nursery school"),
    ("School", "special", "Community special school"),
    ("Church of England Junior School", "junior", "Voluntary controlled school"),
    ("Community Primary School", "primary", "Community school"),
    ("Free School", "all-through", "Free schools"),
    ("Infant and Nursery School", "infant", "Community school"),
]


TOWNS = [
    ("Chelmsford", "CM1"), ("Colchester", "CO2"), ("Braintree", "CM7"), ("Harlow", "CM20"),
    ("Basildon", "SS14"), ("Witham", "CM8"), ("Maldon", "CM9"), ("Saffron Walden", "CB11"),
]  # fmt: skip


STREETS = ["School Lane", "Church Road", "Mill Road", "Park Avenue", "Station Road", "The Green"]


HEADTEACHERS = ["Mrs A Patel", "Mr J Okafor", "Ms R Lewis", "Dr S Hughes", "Mrs K Nowak"]


NATIONAL_PARTNERS = [
    ("Department for Education", "government", "Census returns and the National Pupil Database."),
    ("Ofsted", "regulator", "Inspections of the school."),
    ("Standards and Testing Agency", "government", "Statutory assessments such as SATs."),
    ("Learning Records Service", "government", "A unique learner number for each pupil."),
    ("UK Health Security Agency", "health", "Outbreaks of infectious disease."),
    ("Disclosure and Barring Service", "government", "Safer recruitment checks."),
]


AUTHORITY_PARTNERS = [
    ("Admissions team", "local-authority", "Allocating school places and in-year transfers."),
    ("Special educational needs team", "local-authority", "EHC needs assessments and plans."),
    ("Children's social care", "local-authority", "Keeping children safe from harm."),
    ("Youth support services", "local-authority", "Education and training after age 16."),
    ("Educational psychology service", "health", "Assessment and advice for pupils."),
    ("School nursing service", "health", "Health checks, vaccinations and health advice."),
    ("Music hub", "education", "Instrumental lessons and ensembles."),
    ("Payroll and HR traded service", "supplier", "Paying and employing school staff."),
    ("Attendance support team", "local-authority", "Supporting good attendance."),
]


# (key, heading, Art. 13 items, opening paragraph, list items, closing paragraph)
CLAUSES: list[tuple[str, str, list[str], str, list[str], str]] = [
    (
        "who-we-are",
        "Who we are",
        ["controller"],
        "{{ school.name }} is the data controller for the personal information we hold about "
        "pupils and their families. This means we decide why and how your information is used. "
        "We are registered with the Information Commissioner's Office under number "
        "{{ school.ico_registration_number }}.",
        [
            "Our address: {{ school.address }}",
            "Our telephone number: {{ school.phone }}",
            "Our email address: [{{ school.email }}](mailto:{{ school.email }})",
            "Our website: [{{ school.website }}]({{ school.website }})",
        ],
        "We are maintained by, or work closely with, {{ authority.name }}, which is a separate "
        "data controller for the information it holds about you.",
    ),
    (
        "about-this-notice",
        "About this notice",
        [],
        "This notice explains how {{ school.name }} collects, stores and uses personal "
        "information about pupils. It is written for pupils and for the parents and carers "
        "who look after them. We have tried to use plain words; if anything is unclear, "
        "please ask us.",
        [
            "what information we collect and why we need it",
            "who we share it with and on what basis",
            "how long we keep it and how we keep it safe",
            "your rights, and how to use them",
        ],
        "Older pupils can usually make their own decisions about their information. "
        "We will explain this notice to them in a way they can understand.",
    ),
    (
        "data-protection-officer",
        "Our data protection officer",
        ["dpo"],
        "Our data protection officer (DPO) checks that we handle personal information lawfully "
        "and gives us independent advice. Our DPO is {{ dpo.name }} at {{ dpo.organisation }}.",
        [
            "Email: [{{ dpo.email }}](mailto:{{ dpo.email }})",
            "Write to: {{ dpo.name }}, {{ dpo.organisation }}",
        ],
        "You can contact our DPO about anything in this notice, including if you are unhappy "
        "with how we have used your information.",
    ),
    (
        "information-we-collect",
        "The pupil information we collect",
        ["categories"],
        "The categories of pupil information that we collect, hold and share include:",
        [
            "personal identifiers and contacts, such as name, unique pupil number, contact "
            "details and address",
            "characteristics, such as ethnicity, language and eligibility for free school meals",
            "safeguarding information, such as court orders and professional involvement",
            "special educational needs, including the needs and ranking",
            "medical and administration information, such as doctors' details, child health, "
            "dental health, allergies, medication and dietary requirements",
            "attendance, such as sessions attended, number of absences, absence reasons and any "
            "previous schools attended",
            "assessment and attainment, such as key stage results and phonics results",
            "behavioural information, such as exclusions and any relevant alternative provision",
        ],
        "This list is not exhaustive. To see everything we hold, contact {{ school.name }} "
        "on {{ school.phone }}.",
    ),
    (
        "why-we-use-it",
        "Why we collect and use pupil information",
        ["purposes"],
        "We collect and use pupil information for the following purposes:",
        [
            "to support pupil learning",
            "to monitor and report on pupil attainment and progress",
            "to provide appropriate pastoral care",
            "to assess the quality of our services",
            "to keep children safe, for example food allergies or emergency contact details",
            "to meet the statutory duties placed upon us by the Department for Education",
        ],
        "We do not use pupil information for marketing, and we never sell it.",
    ),
    (
        "lawful-basis",
        "Our lawful basis for using pupil information",
        ["lawful-basis"],
        "Under the UK General Data Protection Regulation (UK GDPR), the lawful bases we rely "
        "on for processing pupil information are:",
        [
            "Article 6(1)(c), legal obligation: for example the Education Act 1996 and the "
            "School Census",
            "Article 6(1)(e), public task: educating pupils and keeping them safe",
            "Article 6(1)(a), consent: for example for photographs on our website",
            "Article 6(1)(d), vital interests: in a medical emergency",
        ],
        "Where we rely on consent, you can withdraw it at any time by contacting "
        "{{ school.email }}.",
    ),
    (
        "special-category",
        "Special category information",
        [],
        "Some information is more sensitive, such as health, ethnicity, religion and biometric "
        "data. We only use it where we also meet a condition in Article 9 of the UK GDPR and "
        "the Data Protection Act 2018.",
        [
            "Article 9(2)(a), explicit consent",
            "Article 9(2)(b), employment, social security and social protection law",
            "Article 9(2)(g), reasons of substantial public interest, such as safeguarding",
            "Article 9(2)(h), health or social care",
        ],
        "Our appropriate policy document, available from {{ school.email }}, explains how we "
        "protect this information.",
    ),
    (
        "collecting-information",
        "How we collect pupil information",
        ["source", "statutory"],
        "We collect pupil information through registration forms, the Common Transfer File "
        "or secure file transfer from a previous school, and from parents and carers during "
        "the school year.",
        [
            "most of the information you give us is mandatory",
            "some of it is requested on a voluntary basis",
            "we will tell you whether you must give us information or have a choice",
            "we may also receive information from {{ authority.name }} and other professionals",
        ],
        "Pupil data is essential for the school's operational use. If you are unsure whether "
        "you must provide some information, ask the school office on {{ school.phone }}.",
    ),
    (
        "storing-information",
        "How we store pupil data",
        ["retention"],
        "We hold pupil data securely for the set amount of time shown in our data retention "
        "schedule. For most records this is until the pupil's 25th birthday.",
        [
            "paper records are kept in locked cabinets",
            "electronic records are kept on systems that need a password and are encrypted",
            "staff are trained in data protection every year",
            "records are destroyed securely when they are no longer needed",
        ],
        "For more information on our retention schedule and how we keep your data safe, "
        "please contact [{{ school.email }}](mailto:{{ school.email }}).",
    ),
    (
        "who-we-share-with",
        "Who we share pupil information with",
        ["recipients"],
        "We routinely share pupil information with the organisations below. Each entry says "
        "why we share with them and, where they publish one, links to their privacy notice.",
        [],
        "We only share what each organisation needs, and we check that they keep it safe.",
    ),
    (
        "why-we-share",
        "Why we regularly share pupil information",
        [],
        "We do not share information about our pupils with anyone without consent unless the "
        "law and our policies allow us to do so.",
        [
            "we share with {{ authority.name }} to meet our legal obligations, such as "
            "safeguarding and admissions",
            "we share with the Department for Education on a statutory basis",
            "we share with the school nursing service so that pupils get health checks",
            "we share with suppliers who provide services to us, under a contract",
        ],
        "When a pupil leaves, we pass their records to their next school.",
    ),
    (
        "department-for-education",
        "The Department for Education",
        ["statutory"],
        "The Department for Education (DfE) collects personal data from schools through "
        "various statutory data collections. We are required to share information about our "
        "pupils with the DfE either directly or via {{ authority.name }}.",
        [
            "the school census, three times a year",
            "the early years foundation stage profile",
            "key stage 1, phonics and multiplication tables check results",
            "key stage 2 results",
        ],
        "This data sharing underpins school funding and educational attainment policy and "
        "monitoring. Find out more at "
        "[gov.uk](https://www.gov.uk/education/data-collection-and-censuses-for-schools).",
    ),
    (
        "national-pupil-database",
        "The National Pupil Database",
        [],
        "Much of the data about pupils in England goes on to be held in the National Pupil "
        "Database (NPD). The NPD is owned and managed by the Department for Education.",
        [
            "it holds information about pupils in schools in England",
            "it provides evidence on educational performance",
            "it is held in electronic format for statistical purposes",
            "the DfE may share it with researchers under strict controls",
        ],
        "To find out more about the NPD, go to "
        "[the NPD user guide](https://www.gov.uk/government/publications/national-pupil-database-user-guide-and-supporting-information).",
    ),
    (
        "youth-support-services",
        "Youth support services",
        [],
        "Once our pupils reach the age of 13, we also pass pupil information to "
        "{{ authority.name }} and its youth support services provider, as they have "
        "responsibilities for the education and training of 13 to 19 year olds.",
        [
            "post-16 education and training providers",
            "youth support services",
            "careers advisers",
        ],
        "A parent or carer can ask that only the child's name, address and date of birth is "
        "passed on, by writing to {{ school.email }}. This right transfers to the child once "
        "they reach the age of 16.",
    ),
    (
        "biometric-data",
        "Biometric information",
        ["withdraw-consent"],
        "Where we use a fingerprint system for school meals or the library, we ask for "
        "written consent from a parent first, as the Protection of Freedoms Act 2012 requires.",
        [
            "we store a template, never an image of the fingerprint",
            "a pupil can refuse to use the system at any time",
            "we provide a card or PIN instead for anyone who does not take part",
        ],
        "To withdraw consent, write to {{ school.name }} at {{ school.email }}.",
    ),
    (
        "cctv",
        "CCTV",
        [],
        "We use CCTV at {{ school.name }} to keep pupils, staff and visitors safe and to "
        "protect our buildings.",
        [
            "cameras are placed where people can see them, with signs",
            "recordings are kept for 30 days unless needed for an investigation",
            "only authorised staff can view them",
        ],
        "Our CCTV policy is available on request from {{ school.phone }}.",
    ),
    (
        "photographs",
        "Photographs and videos",
        ["withdraw-consent"],
        "We take photographs and videos of pupils for our records, to celebrate achievements, "
        "and for our website and newsletters.",
        [
            "we ask for consent before using images outside school",
            "we never publish a pupil's full name with their photograph",
            "parents may take photographs at events for personal use only",
        ],
        "You can change your mind at any time by telling the school office.",
    ),
    (
        "online-learning",
        "Online learning and apps",
        [],
        "We use online services for homework, reading records, remote learning and "
        "communicating with parents. Each supplier processes data only on our instructions.",
        [
            "we check each supplier's security before we use them",
            "pupils' accounts contain the minimum information needed",
            "accounts are removed when a pupil leaves",
        ],
        "A list of the online services we use is available from {{ school.email }}.",
    ),
    (
        "international-transfers",
        "Transfers outside the UK",
        ["transfers"],
        "We store information in the UK or the European Economic Area wherever we can. Where "
        "a supplier stores data elsewhere, we make sure it is protected by:",
        [
            "UK adequacy regulations",
            "the International Data Transfer Agreement",
            "other safeguards approved by the Information Commissioner",
        ],
        "Ask our DPO at {{ dpo.email }} for details of any transfer.",
    ),
    (
        "automated-decisions",
        "Automated decision-making",
        ["automated-decisions"],
        "We do not make decisions about pupils using only automated processing, and we do not "
        "use profiling.",
        [
            "every decision about a pupil involves a member of staff",
            "if this changes, we will update this notice and tell you first",
        ],
        "If you have questions, contact {{ school.name }}.",
    ),
    (
        "your-rights",
        "Your rights",
        ["rights"],
        "Under data protection law, parents and pupils have rights over their personal "
        "information, including the right to:",
        [
            "be told how we use it, as in this notice",
            "ask for a copy of it",
            "ask us to correct it if it is wrong",
            "ask us to delete it in some circumstances",
            "object to or restrict how we use it in some circumstances",
            "ask for it to be transferred to another organisation in some circumstances",
        ],
        "To use any of these rights, contact {{ school.data_request_contact }} at "
        "[{{ school.data_request_email }}](mailto:{{ school.data_request_email }}).",
    ),
    (
        "subject-access",
        "Requesting access to your personal data",
        [],
        "You can ask for the information we hold about you or your child. This is called a "
        "subject access request.",
        [
            "make your request in writing or in person",
            "tell us what you are looking for, and for which period",
            "we will reply within one calendar month",
            "there is usually no charge",
        ],
        "Send your request to {{ school.data_request_contact }} at "
        "{{ school.data_request_email }}, or call {{ school.phone }}.",
    ),
    (
        "withdrawing-consent",
        "Withdrawing consent",
        ["withdraw-consent"],
        "Where we use your information because you consented, you can withdraw your consent "
        "at any time.",
        [
            "tell the school office, by email or in person",
            "we will stop that use as soon as we can",
            "this does not affect anything we did before you withdrew consent",
        ],
        "Contact {{ school.email }} to withdraw consent.",
    ),
    (
        "how-to-complain",
        "How to complain",
        ["complaint"],
        "If you have a concern about the way we are collecting or using your personal data, "
        "please raise it with us first. You can contact our data protection officer at "
        "[{{ dpo.email }}](mailto:{{ dpo.email }}).",
        [
            "we will acknowledge your complaint within five school days",
            "we will investigate and reply within one month",
            "if you are not satisfied, you can complain to the Information Commissioner's Office",
        ],
        "Contact the ICO at [ico.org.uk/make-a-complaint](https://ico.org.uk/make-a-complaint/) "
        "or call 0303 123 1113.",
    ),
    (
        "changes-to-this-notice",
        "Changes to this notice",
        [],
        "We review this notice every year and whenever the law or the way we work changes. "
        "The version number and date at the top tell you when it last changed.",
        [
            "the latest version is always on our website",
            "we will tell you about significant changes",
            "printed copies are available from the school office",
        ],
        "If you would like to discuss anything in this notice, please contact "
        "{{ school.name }} on {{ school.phone }} or at {{ school.email }}.",
    ),
]
