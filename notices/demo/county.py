"""The fictional county of Wexbury: its council, schools, DPOs and sharing partners.

Everything here is invented. Wexbury and its towns do not exist; LA code 990 is not a real GIAS
code; URNs 990001 upwards are not real URNs; ICO numbers start "ZX", which the ICO does not
issue; phone numbers come from Ofcom's ranges kept for drama (0113 496 0xxx and 020 7946 0xxx);
email addresses use the reserved `example` domains. National bodies (the DfE, Ofsted...) are
real, but their privacy-notice links point at `example.org` stand-ins.

Pure data: no Django imports, so it can be read (and tested) without a database. Phase values
are `schools.models.School.Phase` values; phone numbers and postcodes are written in the
normalised form `School.save()` stores, so a second load finds nothing to update.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

PartnerScope = Literal["national", "authority", "school"]


@dataclass(frozen=True)
class AuthorityData:
    name: str
    code: str
    slug: str
    website: str


@dataclass(frozen=True)
class DpoData:
    kind: str  # DataProtectionOfficer.Kind value
    name: str
    organisation: str
    email: str  # the natural key
    phone: str
    address: str
    website: str


@dataclass(frozen=True)
class SchoolData:
    urn: str  # the natural key
    name: str
    slug: str
    phase: str  # School.Phase value
    establishment_type: str
    street: str
    town: str
    postcode: str
    phone: str
    email: str
    website: str
    headteacher: str
    data_request_contact: str
    data_request_email: str
    ico_registration_number: str
    dpo_email: str
    locality: str = ""
    transfers_to: str = ""
    name_cy: str = ""  # the school's Welsh name, where it has one
    languages: tuple[str, ...] = ()  # languages besides English its parents' notice is in
    # Optional clauses this school leaves out when its notices are first created.
    omitted_clauses: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class PartnerData:
    name: str
    category: str  # SharingPartner.Category value
    purpose: str
    lawful_basis: str  # SharingPartner.lawful_basis value (UK GDPR Article 6)
    privacy_notice_url: str
    scope: PartnerScope
    school_urn: str = ""  # set when scope is "school"
    school_note: str = ""
    lawful_basis_detail: str = ""
    special_category_condition: str = ""  # UK GDPR Article 9 condition, when one applies


AUTHORITY = AuthorityData(
    name="Wexbury County Council",
    code="990",
    slug="wexbury",
    website="https://www.wexbury.example.org",
)

DPO_SERVICE_EMAIL = "schools.dpo@wexbury.example.org"
DPO_PROVIDER_EMAIL = "dpo@kestrelgate.example.org"

DPOS: tuple[DpoData, ...] = (
    DpoData(
        kind="service",
        name="Schools Data Protection Officer",
        organisation="Wexbury County Council Schools Information Governance Service",
        email=DPO_SERVICE_EMAIL,
        phone="0113 496 0500",
        address="County Hall, Mercer Street, Wexbury WX1 1CC",
        website="https://dpo.wexbury.example.org",
    ),
    DpoData(
        kind="provider",
        name="Data Protection Officer",
        organisation="Kestrelgate Compliance Ltd",
        email=DPO_PROVIDER_EMAIL,
        phone="020 7946 0321",
        address="Unit 4, Tannery Yard, Quillhampton WX7 3LP",
        website="https://www.kestrelgate.example.org",
    ),
)

SCHOOLS: tuple[SchoolData, ...] = (
    SchoolData(
        urn="990001",
        name="Brackenholt Infant School",
        slug="brackenholt-infant",
        phase="infant",
        establishment_type="Community school",
        street="Heron Lane",
        town="Brackenholt",
        postcode="WX2 4HN",
        phone="0113 496 0101",
        email="office@brackenholt-infant.sch.example",
        website="https://brackenholt-infant.example.org",
        headteacher="Mrs Rosalind Achterberg",
        data_request_contact="the School Business Manager",
        data_request_email="dataprotection@brackenholt-infant.sch.example",
        ico_registration_number="ZX990001",
        dpo_email=DPO_SERVICE_EMAIL,
        transfers_to="Brackenholt Junior School",
        omitted_clauses=("cctv",),
    ),
    SchoolData(
        urn="990002",
        name="Brackenholt Junior School",
        slug="brackenholt-junior",
        phase="junior",
        establishment_type="Community school",
        street="Heron Lane",
        town="Brackenholt",
        postcode="WX2 4HP",
        phone="0113 496 0102",
        email="office@brackenholt-junior.sch.example",
        website="https://brackenholt-junior.example.org",
        headteacher="Mr Tobias Wren-Hallam",
        data_request_contact="the Office Manager",
        data_request_email="dataprotection@brackenholt-junior.sch.example",
        ico_registration_number="ZX990002",
        dpo_email=DPO_SERVICE_EMAIL,
    ),
    SchoolData(
        urn="990003",
        name="Fennowick Church of England Primary School",
        slug="fennowick-ce-primary",
        phase="primary",
        establishment_type="Voluntary aided school",
        street="Vicarage Row",
        town="Fennowick",
        postcode="WX4 8RT",
        phone="0113 496 0103",
        email="admin@fennowick-ce.sch.example",
        website="https://fennowick-ce-primary.example.org",
        headteacher="Ms Priya Calloway",
        data_request_contact="the School Business Manager",
        data_request_email="sar@fennowick-ce.sch.example",
        ico_registration_number="ZX990003",
        dpo_email=DPO_SERVICE_EMAIL,
    ),
    SchoolData(
        urn="990004",
        name="Lindmere Nursery School",
        slug="lindmere-nursery",
        phase="nursery",
        establishment_type="Local authority nursery school",
        street="12 Orchard Close",
        town="Lindmere",
        postcode="WX5 2DQ",
        phone="0113 496 0104",
        email="hello@lindmere-nursery.sch.example",
        website="https://lindmere-nursery.example.org",
        headteacher="Mrs Gwendolen Pryce-Odell",
        data_request_contact="the Nursery Administrator",
        data_request_email="dataprotection@lindmere-nursery.sch.example",
        ico_registration_number="ZX990004",
        dpo_email=DPO_SERVICE_EMAIL,
        omitted_clauses=("cctv", "photographs-and-biometrics"),
    ),
    SchoolData(
        urn="990005",
        name="Wexbury Academy",
        slug="wexbury-academy",
        phase="secondary",
        establishment_type="Academy converter",
        street="Ravensgate Road",
        town="Wexbury",
        postcode="WX1 6JA",
        phone="0113 496 0105",
        email="reception@wexbury-academy.sch.example",
        website="https://wexbury-academy.example.org",
        headteacher="Dr Marcus Ilesanmi-Ford",
        data_request_contact="the Data and Compliance Officer",
        data_request_email="data.requests@wexbury-academy.sch.example",
        ico_registration_number="ZX990005",
        dpo_email=DPO_PROVIDER_EMAIL,
    ),
    SchoolData(
        urn="990006",
        name="Quillhampton Primary Academy",
        slug="quillhampton-primary",
        phase="primary",
        establishment_type="Academy converter",
        street="Millstream Walk",
        town="Quillhampton",
        postcode="WX7 1BE",
        phone="0113 496 0106",
        email="office@quillhampton-primary.sch.example",
        website="https://quillhampton-primary.example.org",
        headteacher="Mr Declan Featherby",
        data_request_contact="the Office Manager",
        data_request_email="dataprotection@quillhampton-primary.sch.example",
        ico_registration_number="ZX990006",
        dpo_email=DPO_PROVIDER_EMAIL,
    ),
    SchoolData(
        urn="990007",
        name="The Kestrel Centre",
        slug="kestrel-centre",
        phase="special",
        establishment_type="Community special school",
        street="Long Acre",
        locality="Oxlow Green",
        town="Wexbury",
        postcode="WX3 9NU",
        phone="0113 496 0107",
        email="office@kestrel-centre.sch.example",
        website="https://kestrel-centre.example.org",
        headteacher="Mrs Imogen Adebayo-Shaw",
        data_request_contact="the School Business Manager",
        data_request_email="dataprotection@kestrel-centre.sch.example",
        ico_registration_number="ZX990007",
        dpo_email=DPO_SERVICE_EMAIL,
    ),
    SchoolData(
        urn="990008",
        name="Marrowby Community Primary School",
        slug="marrowby-primary",
        phase="primary",
        establishment_type="Community school",
        street="Pound Street",
        town="Marrowby",
        postcode="WX6 5GF",
        phone="0113 496 0108",
        email="office@marrowby-primary.sch.example",
        website="https://marrowby-primary.example.org",
        headteacher="Mr Alistair Quennell",
        data_request_contact="the School Business Manager",
        data_request_email="dataprotection@marrowby-primary.sch.example",
        ico_registration_number="ZX990008",
        dpo_email=DPO_SERVICE_EMAIL,
    ),
    SchoolData(
        urn="990009",
        name="Our Lady of Thistlecombe Catholic Primary School",
        slug="our-lady-thistlecombe",
        phase="primary",
        establishment_type="Voluntary aided school",
        street="Friars Walk",
        town="Thistlecombe",
        postcode="WX8 3AS",
        phone="0113 496 0109",
        email="office@ourlady-thistlecombe.sch.example",
        website="https://ourlady-thistlecombe.example.org",
        headteacher="Mrs Bernadette Oyelaran",
        data_request_contact="the Headteacher's Personal Assistant",
        data_request_email="dataprotection@ourlady-thistlecombe.sch.example",
        ico_registration_number="ZX990009",
        dpo_email=DPO_SERVICE_EMAIL,
    ),
    SchoolData(
        urn="990010",
        name="Fennowick High School",
        slug="fennowick-high",
        phase="secondary",
        establishment_type="Foundation school",
        street="Beacon Hill Road",
        town="Fennowick",
        postcode="WX4 2YW",
        phone="0113 496 0110",
        email="enquiries@fennowick-high.sch.example",
        website="https://fennowick-high.example.org",
        headteacher="Ms Harriet Sandoval-Kerr",
        data_request_contact="the Data Manager",
        data_request_email="data.protection@fennowick-high.sch.example",
        ico_registration_number="ZX990010",
        dpo_email=DPO_PROVIDER_EMAIL,
    ),
    SchoolData(
        urn="990011",
        name="Stoatley Infant School",
        slug="stoatley-infant",
        phase="infant",
        establishment_type="Foundation school",
        street="Chapel Green",
        town="Stoatley",
        postcode="WX9 7EL",
        phone="0113 496 0111",
        email="office@stoatley-infant.sch.example",
        website="https://stoatley-infant.example.org",
        headteacher="Mrs Colette Vardy-Nunes",
        data_request_contact="the School Administrator",
        data_request_email="dataprotection@stoatley-infant.sch.example",
        ico_registration_number="ZX990011",
        dpo_email=DPO_SERVICE_EMAIL,
        transfers_to="Stoatley Church of England Junior School",
    ),
    SchoolData(
        urn="990012",
        name="Stoatley Church of England Junior School",
        slug="stoatley-ce-junior",
        phase="junior",
        establishment_type="Voluntary controlled school",
        street="Chapel Green",
        town="Stoatley",
        postcode="WX9 7EM",
        phone="0113 496 0112",
        email="office@stoatley-junior.sch.example",
        website="https://stoatley-ce-junior.example.org",
        headteacher="Mr Rupert Okonkwo-Blythe",
        data_request_contact="the School Business Manager",
        data_request_email="dataprotection@stoatley-junior.sch.example",
        ico_registration_number="ZX990012",
        dpo_email=DPO_SERVICE_EMAIL,
    ),
    SchoolData(
        urn="990013",
        name="Wexbury Sixth Form College",
        slug="wexbury-sixth-form",
        phase="16-plus",
        establishment_type="Academy 16-19 converter",
        street="Tollgate Avenue",
        town="Wexbury",
        postcode="WX1 4TZ",
        phone="0113 496 0113",
        email="info@wexbury-sixthform.sch.example",
        website="https://wexbury-sixth-form.example.org",
        headteacher="Mrs Anneliese Thornbury",
        data_request_contact="the Student Records Manager",
        data_request_email="records@wexbury-sixthform.sch.example",
        ico_registration_number="ZX990013",
        dpo_email=DPO_PROVIDER_EMAIL,
        omitted_clauses=("photographs-and-biometrics",),
    ),
    SchoolData(
        urn="990014",
        name="Wexbury Learning Centre",
        slug="wexbury-learning-centre",
        phase="alternative",
        establishment_type="Pupil referral unit",
        street="Saddler's Yard",
        town="Wexbury",
        postcode="WX1 8QB",
        phone="0113 496 0114",
        email="office@wexbury-lc.sch.example",
        website="https://wexbury-learning-centre.example.org",
        headteacher="Mr Kwame Ashdown-Ellis",
        data_request_contact="the Centre Administrator",
        data_request_email="dataprotection@wexbury-lc.sch.example",
        ico_registration_number="ZX990014",
        dpo_email=DPO_SERVICE_EMAIL,
    ),
    SchoolData(
        urn="990015",
        name="Oxlow Green Church of England Academy",
        slug="oxlow-green-academy",
        phase="all-through",
        establishment_type="Academy sponsor led",
        street="Pennyroyal Lane",
        locality="Oxlow Green",
        town="Wexbury",
        postcode="WX3 2KD",
        phone="0113 496 0115",
        email="office@oxlow-green.sch.example",
        website="https://oxlow-green-academy.example.org",
        headteacher="Mrs Saoirse Lindqvist",
        data_request_contact="the Trust Data Officer",
        data_request_email="dataprotection@oxlow-green.sch.example",
        ico_registration_number="ZX990015",
        dpo_email=DPO_PROVIDER_EMAIL,
    ),
    SchoolData(
        urn="990016",
        name="Wexbury Welsh School",
        name_cy="Ysgol Gymraeg Wexbury",
        slug="ysgol-gymraeg-wexbury",
        phase="primary",
        establishment_type="Voluntary aided school",
        street="Chapel Row",
        town="Wexbury",
        postcode="WX1 4YG",
        phone="0113 496 0116",
        email="swyddfa@ysgolgymraeg-wexbury.sch.example",
        website="https://ysgolgymraeg-wexbury.example.org",
        headteacher="Mrs Catrin Wyn Ellis",
        data_request_contact="Mr Huw Prys",
        data_request_email="data@ysgolgymraeg-wexbury.sch.example",
        ico_registration_number="ZX990016",
        dpo_email=DPO_SERVICE_EMAIL,
        languages=("cy",),
    ),
)

# Legal wording is summarised in our own words; check with the DPO before relying on it.
_LEGAL_OBLIGATION = "legal-obligation"
_PUBLIC_TASK = "public-task"
# A supplier processing data for the school: the school's own basis, the supplier under contract.
_PROCESSOR = "the supplier acts only on our instructions, under contract (UK GDPR Article 28)"

PARTNERS: tuple[PartnerData, ...] = (
    # National: every school in every authority shares with these.
    PartnerData(
        name="Department for Education",
        category="government",
        purpose="Statutory returns such as the school census and assessment results, used to "
        "fund schools, measure how the education system is doing and build the National Pupil "
        "Database.",
        lawful_basis=_LEGAL_OBLIGATION,
        lawful_basis_detail="the Education Act 1996 and the regulations on pupil information "
        "made under it",
        privacy_notice_url="https://dfe.example.org/privacy/pupils",
        scope="national",
    ),
    PartnerData(
        name="Ofsted",
        category="regulator",
        purpose="Inspectors may look at pupil records, attendance and safeguarding files during "
        "an inspection; they do not take copies away except where they need them as evidence.",
        lawful_basis=_LEGAL_OBLIGATION,
        lawful_basis_detail="the Education and Inspections Act 2006",
        privacy_notice_url="https://ofsted.example.org/privacy",
        scope="national",
    ),
    PartnerData(
        name="Education and Skills Funding Agency",
        category="government",
        purpose="Funding returns for sixth-form and high-needs places. Its work is now carried "
        "on inside the Department for Education.",
        lawful_basis=_LEGAL_OBLIGATION,
        privacy_notice_url="https://esfa.example.org/privacy",
        scope="national",
    ),
    PartnerData(
        name="Learning Records Service",
        category="government",
        purpose="Issues each pupil aged 14 or over a unique learner number and keeps a record "
        "of the qualifications they achieve.",
        lawful_basis=_PUBLIC_TASK,
        privacy_notice_url="https://lrs.example.org/privacy",
        scope="national",
    ),
    PartnerData(
        name="Standards and Testing Agency",
        category="government",
        purpose="Runs the national tests and checks in primary school, such as the phonics "
        "check and the key stage 2 tests, and needs pupil details to do so.",
        lawful_basis=_LEGAL_OBLIGATION,
        lawful_basis_detail="the assessment arrangements for each key stage",
        privacy_notice_url="https://sta.example.org/privacy",
        scope="national",
    ),
    PartnerData(
        name="Examination awarding bodies",
        category="education",
        purpose="Exam boards receive entries, access arrangements and coursework so that "
        "pupils can sit GCSEs, A levels and other qualifications and receive their results.",
        lawful_basis=_PUBLIC_TASK,
        privacy_notice_url="https://exam-boards.example.org/privacy",
        scope="national",
    ),
    PartnerData(
        name="Police, courts and tribunals",
        category="other",
        purpose="Only when the law requires it, a court orders it, or it is needed to prevent "
        "or detect a crime or to protect someone from harm.",
        lawful_basis=_LEGAL_OBLIGATION,
        lawful_basis_detail="and, in an emergency, vital interests (UK GDPR Article 6(1)(d))",
        privacy_notice_url="https://justice.example.org/privacy",
        scope="national",
    ),
    # Authority-wide: every Wexbury school shares with these.
    PartnerData(
        name="Wexbury County Council School Admissions",
        category="local-authority",
        purpose="Coordinates applications and offers of school places, including waiting lists "
        "and in-year moves.",
        lawful_basis=_PUBLIC_TASK,
        lawful_basis_detail="the School Admissions Code",
        privacy_notice_url="https://www.wexbury.example.org/privacy/admissions",
        scope="authority",
    ),
    PartnerData(
        name="Wexbury County Council SEND Service",
        category="local-authority",
        purpose="Assesses and reviews special educational needs, and writes and funds "
        "education, health and care plans.",
        lawful_basis=_LEGAL_OBLIGATION,
        lawful_basis_detail="the Children and Families Act 2014",
        privacy_notice_url="https://www.wexbury.example.org/privacy/send",
        scope="authority",
    ),
    PartnerData(
        name="Wexbury County Council Children's Social Care",
        category="local-authority",
        purpose="Receives safeguarding referrals and works with the school when a child is in "
        "need, on a protection plan or in care.",
        lawful_basis=_LEGAL_OBLIGATION,
        lawful_basis_detail="the Children Acts 1989 and 2004",
        privacy_notice_url="https://www.wexbury.example.org/privacy/childrens-social-care",
        scope="authority",
    ),
    PartnerData(
        name="Wexbury Attendance and Education Welfare Service",
        category="local-authority",
        purpose="Follows up persistent absence and children missing education, and supports "
        "families to improve attendance.",
        lawful_basis=_LEGAL_OBLIGATION,
        lawful_basis_detail="the Education Act 1996",
        privacy_notice_url="https://www.wexbury.example.org/privacy/attendance",
        scope="authority",
    ),
    PartnerData(
        name="Wexbury Youth Support Service",
        category="local-authority",
        purpose="Careers advice and support for young people aged 13 to 19 (up to 25 with "
        "special educational needs), including tracking who is in education or training.",
        lawful_basis=_LEGAL_OBLIGATION,
        lawful_basis_detail="the Education and Skills Act 2008",
        privacy_notice_url="https://www.wexbury.example.org/privacy/youth-support",
        scope="authority",
    ),
    PartnerData(
        name="Wexbury Virtual School",
        category="local-authority",
        purpose="Oversees the education of children in care and previously in care, including "
        "their personal education plans.",
        lawful_basis=_LEGAL_OBLIGATION,
        lawful_basis_detail="the Children and Families Act 2014",
        privacy_notice_url="https://www.wexbury.example.org/privacy/virtual-school",
        scope="authority",
    ),
    PartnerData(
        name="Wexbury Educational Psychology Service",
        category="local-authority",
        purpose="Assesses and advises on pupils' learning and wellbeing when the school or a "
        "parent asks for help.",
        lawful_basis=_PUBLIC_TASK,
        privacy_notice_url="https://www.wexbury.example.org/privacy/educational-psychology",
        scope="authority",
    ),
    PartnerData(
        name="Wexbury Community Health NHS Trust (school nursing)",
        category="health",
        purpose="School nurses run health checks, the height and weight measurement programme "
        "and vaccinations, and support pupils with medical needs.",
        lawful_basis=_PUBLIC_TASK,
        special_category_condition="health-or-social-care",
        privacy_notice_url="https://wexbury-community-health.example.org/privacy",
        scope="authority",
    ),
    # One school's own partners, with the school's note shown beside them.
    PartnerData(
        name="PayPocket Parent Payments",
        category="supplier",
        purpose="The app parents use to pay for trips, clubs and uniform and to receive school "
        "messages.",
        lawful_basis=_PUBLIC_TASK,
        lawful_basis_detail=_PROCESSOR,
        privacy_notice_url="https://paypocket.example.org/privacy",
        scope="school",
        school_urn="990001",
        school_note="PayPocket only receives parents' names, email addresses and mobile numbers "
        "and the names and classes of their children.",
    ),
    PartnerData(
        name="Hearthside School Meals Ltd",
        category="supplier",
        purpose="Prepares and serves school lunches and needs to know which pupils are eating "
        "and any allergies or dietary needs.",
        lawful_basis=_PUBLIC_TASK,
        lawful_basis_detail=_PROCESSOR,
        special_category_condition="substantial-public-interest",
        privacy_notice_url="https://hearthside-meals.example.org/privacy",
        scope="school",
        school_urn="990008",
        school_note="Our kitchen team sees allergy information on a named list in the kitchen "
        "office; it is updated each half term and the old list is shredded.",
    ),
    PartnerData(
        name="Hearthside School Meals Ltd",
        category="supplier",
        purpose="Prepares and serves school lunches and needs to know which pupils are eating "
        "and any allergies or dietary needs.",
        lawful_basis=_PUBLIC_TASK,
        lawful_basis_detail=_PROCESSOR,
        special_category_condition="substantial-public-interest",
        privacy_notice_url="https://hearthside-meals.example.org/privacy",
        scope="school",
        school_urn="990003",
        school_note="Hearthside also runs our breakfast club register.",
    ),
    PartnerData(
        name="Ledgerline Schools MIS",
        category="supplier",
        purpose="Hosts our management information system, where pupil, parent and staff "
        "records are kept.",
        lawful_basis=_PUBLIC_TASK,
        lawful_basis_detail=_PROCESSOR,
        privacy_notice_url="https://ledgerline.example.org/privacy",
        scope="school",
        school_urn="990010",
        school_note="Ledgerline stores our data in UK data centres and may only access it to "
        "provide support we have asked for.",
    ),
    PartnerData(
        name="CoinPurse Cashless Catering",
        category="supplier",
        purpose="Runs the cashless till system in the canteen and the parent app for topping up "
        "pupil accounts.",
        lawful_basis=_PUBLIC_TASK,
        lawful_basis_detail=_PROCESSOR,
        privacy_notice_url="https://coinpurse.example.org/privacy",
        scope="school",
        school_urn="990005",
        school_note="Students can use a PIN instead of the fingerprint reader; ask the finance "
        "office to switch.",
    ),
    PartnerData(
        name="Brightwater Therapy Partnership",
        category="health",
        purpose="Provides speech and language therapy and physiotherapy in school, as set out "
        "in pupils' education, health and care plans.",
        lawful_basis=_PUBLIC_TASK,
        special_category_condition="health-or-social-care",
        privacy_notice_url="https://brightwater-therapy.example.org/privacy",
        scope="school",
        school_urn="990007",
        school_note="Therapists write their notes in our system so that class teams can follow "
        "each pupil's programme.",
    ),
)
