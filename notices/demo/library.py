"""The demo clause library and the two notice types built from it, written in our own words.

Bodies use the clause markup (clauses/markup.py): CommonMark paragraphs and "- " lists,
*emphasis*, https:/mailto: links and `{{ placeholder }}` names. Required clauses use only
placeholders every demo school has a value for; `{{ school.transfers_to }}` appears only in an
optional clause, which schools without a usual next school leave out.
"""

from __future__ import annotations

from dataclasses import dataclass

from clauses.models import Art13Item

A = Art13Item


@dataclass(frozen=True)
class ClauseData:
    key: str
    heading: str
    art13_items: tuple[Art13Item, ...]
    body: str
    required: bool = True
    guidance: str = ""


@dataclass(frozen=True)
class NoticeTypeData:
    slug: str
    title: str
    audience: str
    is_primary: bool
    clause_keys: tuple[str, ...]
    not_applicable_items: tuple[Art13Item, ...] = ()


def _text(*paragraphs: str) -> str:
    """Join paragraphs (or whole lists) with blank lines, as the markup expects."""
    return "\n\n".join(paragraph.strip() for paragraph in paragraphs) + "\n"


def _bullets(*items: str) -> str:
    return "\n".join(f"- {item}" for item in items)


SCHOOL_EMAIL_LINK = "[{{ school.email }}](mailto:{{ school.email }})"
DPO_EMAIL_LINK = "[{{ dpo.email }}](mailto:{{ dpo.email }})"
DATA_REQUEST_LINK = "[{{ school.data_request_email }}](mailto:{{ school.data_request_email }})"

CLAUSES: tuple[ClauseData, ...] = (
    # --- Shared by both notice types -------------------------------------------------------
    ClauseData(
        key="who-we-are",
        heading="Who we are",
        art13_items=(A.CONTROLLER,),
        body=_text(
            "{{ school.name }} decides what personal information it needs, why it needs it and "
            "how it is looked after. In data protection law that makes the school the "
            "*controller* of that information.",
            "You can find us at {{ school.address }}. We are registered with the Information "
            "Commissioner's Office as a controller, registration number "
            "{{ school.ico_registration_number }}.",
            "The rest of this notice sets out what we hold, what we do with it, who else sees "
            "it and the choices the law gives you.",
        ),
        guidance="For academies the legal controller is the academy trust; name the trust in "
        "the school's details if it differs from the school.",
    ),
    ClauseData(
        key="data-protection-officer",
        heading="Our data protection officer",
        art13_items=(A.DPO,),
        body=_text(
            "Every school has to appoint a data protection officer (DPO). The DPO is independent "
            "of day-to-day decisions: their job is to check that we follow the law, advise us, "
            "and be a point of contact for you and for the regulator.",
            "Our DPO service is provided by {{ dpo.organisation }}. You can reach "
            "{{ dpo.name }} by email at " + DPO_EMAIL_LINK + ", by phone on {{ dpo.phone }}, "
            "or by post at {{ dpo.address }}.",
            "You are welcome to go straight to the DPO, although the school office can often "
            "answer a question more quickly.",
        ),
    ),
    ClauseData(
        key="international-transfers",
        heading="Information sent outside the UK",
        art13_items=(A.TRANSFERS,),
        body=_text(
            "We keep personal information in the UK wherever we can. A few of the online "
            "services we use, such as email or learning platforms, may store data in other "
            "countries. We only choose such services when the UK recognises the country as "
            "protecting personal data adequately, or when the contract contains the safeguards "
            "UK law requires.",
            "If someone moves to a school or employer abroad, we only send their records with "
            "their agreement (or a parent's, for a young child) and after checking how the "
            "records will be protected.",
        ),
    ),
    ClauseData(
        key="keeping-information-secure",
        heading="Keeping information secure",
        art13_items=(),
        body=_text(
            "We protect personal information against loss, misuse and people who should not "
            "see it. Among other things, we:",
            _bullets(
                "give staff access only to the records they need for their work",
                "protect our systems with strong passwords, two-step sign-in, encryption and "
                "regular updates",
                "keep paper files locked away and shred them when they are no longer needed",
                "train every member of staff in data protection and in spotting and reporting "
                "problems",
                "check that suppliers who handle information for us meet the same standards",
            ),
            "If something does go wrong, we act quickly to contain it, and where the law "
            "requires we report it to the Information Commissioner's Office and tell the "
            "people affected.",
        ),
    ),
    ClauseData(
        key="your-rights",
        heading="Your rights",
        art13_items=(A.RIGHTS,),
        body=_text(
            "Data protection law gives you rights over your personal information. In short, you "
            "can ask us to:",
            _bullets(
                "give you a copy of the information we hold about you",
                "correct information that is wrong",
                "delete information",
                "limit how we use information",
                "stop using information, by objecting",
                "hand over some information in a form you can pass to someone else",
            ),
            "Each right is explained below. Some apply only in particular circumstances; if one "
            "does not apply to your request, we will tell you why. We normally reply within one "
            "month and there is no charge, unless a request is repeated or plainly excessive.",
        ),
    ),
    ClauseData(
        key="right-of-access",
        heading="Seeing the information we hold",
        art13_items=(A.RIGHTS,),
        body=_text(
            "You can ask for a copy of the personal information we hold about you. This is "
            "called a *subject access request*. With the copy we will explain why we hold the "
            "information, where it came from, who we have shared it with and how long we will "
            "keep it.",
            "A request can be made in writing or in person, but it helps us to reply quickly if "
            "you contact {{ school.data_request_contact }} at " + DATA_REQUEST_LINK + " and "
            "tell us what you are looking for. We may ask you to prove who you are first.",
            "We may hold some things back, for example information about other people, "
            "anything that could cause serious harm if released, or material connected with a "
            "police investigation. If we do, we will say so unless the law prevents it.",
        ),
    ),
    ClauseData(
        key="right-to-rectification",
        heading="Correcting information",
        art13_items=(A.RIGHTS,),
        body=_text(
            "If something we hold about you is wrong or incomplete, tell us and we will put it "
            "right. Phone numbers and addresses change often, so please let the school office "
            "know when yours do.",
            "When the disagreement is about a professional opinion rather than a fact, such as "
            "an assessment, we may not change the record, but we will add a note of your view "
            "to it.",
        ),
    ),
    ClauseData(
        key="right-to-erasure",
        heading="Deleting information",
        art13_items=(A.RIGHTS,),
        body=_text(
            "You can ask us to delete personal information, for example when we no longer need "
            "it for the reason we collected it, when we relied on your consent and you have "
            "withdrawn it, or when we should not have been using it at all.",
            "A school must keep much of what it holds, either because the law says so or to "
            "keep people safe, so this right often does not reach the main school record. If "
            "we cannot delete something, we will explain why. When we do delete information we "
            "have shared, we ask the organisations that received it to delete it too.",
        ),
    ),
    ClauseData(
        key="right-to-restrict-processing",
        heading="Limiting how we use information",
        art13_items=(A.RIGHTS,),
        body=_text(
            "You can ask us to stop using information, other than keeping it safely, while a "
            "problem is sorted out. This applies when:",
            _bullets(
                "you have told us the information is wrong and we are checking it",
                "our use of it is unlawful, but you would rather we kept it than deleted it",
                "we no longer need it, but you need it kept for a legal claim",
                "you have objected to our use of it and we are deciding whether our reasons "
                "outweigh yours",
            ),
            "We will tell you before we lift a restriction.",
        ),
    ),
    ClauseData(
        key="right-to-object",
        heading="Objecting to how we use information",
        art13_items=(A.RIGHTS,),
        body=_text(
            "When we use information because it is part of our public task, or in our "
            "legitimate interests, you can object on grounds relating to your own situation. We "
            "will then stop, unless we have compelling reasons to carry on that outweigh your "
            "interests, or we need the information for a legal claim.",
            "We do not use personal information for marketing. If that ever changes, you will "
            "be able to say no at any time and we will stop straight away.",
        ),
    ),
    ClauseData(
        key="right-to-data-portability",
        heading="Taking your information elsewhere",
        art13_items=(A.RIGHTS,),
        body=_text(
            "For information you gave us yourself, which we hold electronically and use on the "
            "basis of your consent or a contract, you can ask for a copy in a common digital "
            "format, or ask us to send it directly to another organisation.",
            "Because most of a school's work rests on its public task, this right covers only a "
            "small part of what we hold. We will let you know if your request falls outside it.",
        ),
    ),
    ClauseData(
        key="withdrawing-consent",
        heading="Changing your mind about consent",
        art13_items=(A.WITHDRAW_CONSENT,),
        body=_text(
            "Where we rely on your consent, for example to use a photograph in publicity, you "
            "can withdraw it whenever you like. Email the school office at "
            + SCHOOL_EMAIL_LINK
            + " or phone {{ school.phone }}.",
            "Withdrawing consent stops us using the information from that point on; it does not "
            "make what we did before unlawful. Nobody will be treated differently because they "
            "refused or withdrew consent.",
        ),
    ),
    ClauseData(
        key="automated-decisions",
        heading="Decisions made by computer",
        art13_items=(A.AUTOMATED,),
        body=_text(
            "We do not make decisions about anyone by computer alone. When software helps us, "
            "for instance by flagging a fall in attendance, a member of staff looks at the "
            "facts and makes the decision.",
            "We do not use personal information to build profiles that predict behaviour or "
            "that lead to decisions with legal or similarly serious effects.",
        ),
    ),
    ClauseData(
        key="complaints",
        heading="If you are unhappy",
        art13_items=(A.COMPLAINT,),
        body=_text(
            "If you are unhappy with the way we have handled personal information, please tell "
            "us so we can try to put it right. Contact the school office or our data protection "
            "officer, using the details in this notice.",
            "You also have the right to complain to the Information Commissioner's Office "
            "(ICO), the UK's independent regulator for data protection. You can do this online "
            "at [ico.org.uk/make-a-complaint](https://ico.org.uk/make-a-complaint/) or by "
            "calling the ICO helpline on 0303 123 1113. The ICO will usually expect you to have "
            "raised the problem with us first.",
        ),
    ),
    ClauseData(
        key="cctv",
        heading="CCTV",
        art13_items=(A.PURPOSES, A.RETENTION),
        required=False,
        body=_text(
            "We use closed-circuit television (CCTV) at entrances and in parts of the grounds to "
            "keep the site secure and the people on it safe. Signs show where cameras are "
            "recording. There are no cameras in toilets or changing areas.",
            "Recordings are overwritten after 30 days unless they are needed to look into an "
            "incident, and only staff authorised by the headteacher can view them. We may give "
            "footage to the police to help them investigate a crime. To ask for footage of "
            "yourself, contact {{ school.data_request_contact }}.",
        ),
    ),
    ClauseData(
        key="how-to-contact-us",
        heading="How to contact us",
        art13_items=(A.CONTROLLER,),
        body=_text(
            "If you have a question about this notice or about the information we hold, please "
            "get in touch:",
            _bullets(
                "by email: " + SCHOOL_EMAIL_LINK,
                "by phone: {{ school.phone }}",
                "by post: {{ school.address }}, for the attention of the headteacher, "
                "{{ school.headteacher }}",
                "online: [{{ school.website }}]({{ school.website }})",
            ),
        ),
    ),
    ClauseData(
        key="changes-to-this-notice",
        heading="Changes to this notice",
        art13_items=(),
        body=_text(
            "We review this notice at least once a year, and sooner if the way we use personal "
            "information changes. Each version is numbered and dated, and the current one is "
            "always available from the school.",
            "If a change affects you significantly, we will tell you about it directly rather "
            "than waiting for you to notice.",
        ),
    ),
    # --- Pupils and parents ----------------------------------------------------------------
    ClauseData(
        key="pupil-information-we-hold",
        heading="What we hold about pupils",
        art13_items=(A.CATEGORIES,),
        body=_text(
            "The information we keep about pupils includes:",
            _bullets(
                "name, date of birth, unique pupil number, address and the languages spoken at "
                "home",
                "characteristics such as ethnicity, nationality and eligibility for free school "
                "meals or the pupil premium",
                "attendance: sessions attended, absences and the reasons given for them",
                "teacher assessments, test and exam results, and reports",
                "behaviour records, including any suspensions or exclusions",
                "medical conditions, allergies, dietary needs and the name of the family doctor",
                "special educational needs, including any education, health and care plan",
                "safeguarding information, such as child protection plans and court orders",
                "photographs, and CCTV recordings where the school uses CCTV",
            ),
            "Most pupils' records hold only some of these things.",
        ),
    ),
    ClauseData(
        key="parent-information-we-hold",
        heading="What we hold about parents and carers",
        art13_items=(A.CATEGORIES,),
        body=_text(
            "For the parents, carers and other adults who look after our pupils, we keep:",
            _bullets(
                "names, addresses, phone numbers and email addresses",
                "your relationship to the pupil and whether you have parental responsibility",
                "who to call in an emergency, and in what order",
                "court orders or other arrangements that affect who may collect a pupil or be "
                "told about them",
                "payments for meals, trips and clubs, and whether a family qualifies for free "
                "school meals",
                "what you tell us in letters, emails and meetings, where we need a record of it",
            ),
        ),
    ),
    ClauseData(
        key="special-category-data",
        heading="Especially sensitive information",
        art13_items=(A.CATEGORIES, A.LAWFUL_BASIS),
        body=_text(
            "The law gives extra protection to some kinds of information. At school this "
            "mainly means:",
            _bullets(
                "health, including mental health, medication and care plans",
                "ethnic origin and religion",
                "biometric data, where the school uses it for lunches or the library",
            ),
            "To use this information we need a further condition as well as our lawful basis. "
            "Usually it is a reason of substantial public interest listed in the Data Protection "
            "Act 2018, such as safeguarding children. Occasionally it is your explicit consent, "
            "or the need to protect someone's life in an emergency.",
            "We treat information about safeguarding concerns and criminal offences with the "
            "same care.",
        ),
    ),
    ClauseData(
        key="why-we-use-pupil-information",
        heading="Why we use this information",
        art13_items=(A.PURPOSES,),
        body=_text(
            "We use pupil and parent information to:",
            _bullets(
                "teach pupils and help each of them make progress",
                "keep pupils safe and look after their health and wellbeing",
                "record attendance and follow up absences",
                "give pupils the extra help they need, including for special educational needs",
                "tell parents how their child is getting on",
                "manage admissions and any waiting list",
                "provide meals, trips and clubs, and take payment for them",
                "keep in touch with families, including in an emergency",
                "check and improve the quality of what we do",
                "send the returns the law requires to the Department for Education and to "
                "{{ authority.name }}",
            ),
        ),
    ),
    ClauseData(
        key="lawful-basis",
        heading="Our lawful basis",
        art13_items=(A.LAWFUL_BASIS,),
        body=_text(
            "We may only use personal information when the law gives us a basis for doing so. "
            "Most of what we do rests on one of these:",
            _bullets(
                "*public task*: educating children and keeping them safe are functions the "
                "Education Acts and Children Acts give to schools",
                "*legal obligation*: some things we must do, such as keeping an attendance "
                "register or sending census returns to the Department for Education",
                "*vital interests*: in an emergency we may use or share information to protect "
                "someone's life",
                "*consent*: for a few things, such as putting photographs on social media, we "
                "ask first and you are free to say no",
            ),
            "Where more than one basis could apply we rely on the one that fits best, and we "
            "always make it clear when we are asking for consent.",
        ),
    ),
    ClauseData(
        key="legitimate-interests",
        heading="Legitimate interests",
        art13_items=(A.LEGITIMATE_INTERESTS,),
        body=_text(
            "As a public body, we cannot rely on *legitimate interests* for our work as a "
            "school. We use it only for the occasional activity outside that work, such as "
            "letting former pupils who have asked to hear from us know about reunions and "
            "anniversaries.",
            "Before relying on it we weigh our interest against your privacy, and you can ask "
            "us to stop at any time.",
        ),
    ),
    ClauseData(
        key="where-information-comes-from",
        heading="Where the information comes from",
        art13_items=(A.SOURCE,),
        body=_text(
            "Most of what we know comes from you: the admission form, the data check we send "
            "home each year, and what you tell us along the way. Some arrives from elsewhere:",
            _bullets(
                "a pupil's previous school, which sends a *common transfer file* and the "
                "pupil's records",
                "{{ authority.name }}, for example admission offers, education, health and care "
                "plans and safeguarding information",
                "the Department for Education and the Learning Records Service, such as unique "
                "pupil and learner numbers",
                "health professionals, such as the school nursing team, and other agencies "
                "working with a family",
            ),
        ),
    ),
    ClauseData(
        key="collecting-information",
        heading="Information you must give us, and information you can choose to give",
        art13_items=(A.STATUTORY,),
        body=_text(
            "Much of what we ask for is required, either because the law says we must collect "
            "it or because we could not look after pupils safely without it, such as emergency "
            "contact details.",
            "Other information is optional. Whenever we ask, we will say whether an answer is "
            "required and, if it is, what happens if you do not give it. Leaving an optional "
            "question blank never affects a pupil's place or how they are treated. Ethnicity "
            "and religion are examples of things you can choose not to tell us.",
        ),
    ),
    ClauseData(
        key="who-we-share-with",
        heading="Who we share information with",
        art13_items=(A.RECIPIENTS,),
        body=_text(
            "We share personal information only when the law requires it, when it is needed to "
            "provide a service for pupils, or when you have agreed. We share no more than is "
            "needed.",
            "These are the organisations we share with regularly, why we do so, and where to "
            "read how each of them handles the information:",
            "{{ partners }}",
            "Companies that provide services to us, such as software or catering, act only on "
            "our instructions under a written contract and may not use the information for "
            "their own purposes.",
        ),
    ),
    ClauseData(
        key="sharing-to-keep-people-safe",
        heading="Sharing to keep people safe",
        art13_items=(A.RECIPIENTS, A.PURPOSES),
        body=_text(
            "Now and then we have to share information without asking first, because waiting "
            "could put someone at risk: for example when we are worried a child may be harmed, "
            "when the police need information to prevent or investigate a crime, or when a "
            "court orders us to.",
            "We record what we shared, with whom and why. Unless telling you would increase the "
            "risk, we will let you know afterwards.",
        ),
    ),
    ClauseData(
        key="department-for-education",
        heading="The Department for Education",
        art13_items=(A.RECIPIENTS, A.PURPOSES, A.LAWFUL_BASIS),
        body=_text(
            "The Department for Education (DfE) collects information about pupils from every "
            "state-funded school through statutory returns, mainly the school census, which we "
            "send during each school year. The law requires us to make these returns, so we "
            "do not ask for consent.",
            "The DfE uses the information to work out how much funding schools receive, to "
            "monitor how the education system is performing and to shape and evaluate its "
            "policies. You can ask us what we send.",
        ),
    ),
    ClauseData(
        key="national-pupil-database",
        heading="The National Pupil Database",
        art13_items=(A.RECIPIENTS, A.RETENTION),
        body=_text(
            "Much of the census information is kept by the DfE in the *National Pupil "
            "Database* (NPD), a long-term record of pupils' education that is used for "
            "statistics and research.",
            "The DfE can make extracts of the NPD available to researchers, public bodies and "
            "other organisations whose work supports children's education or wellbeing. Each "
            "request is checked before anything is released, and those who receive data must "
            "keep to strict rules on security and use.",
            "The DfE, not the school, is the controller for the NPD. To find out what it holds "
            "about you or your child, contact the DfE directly.",
        ),
    ),
    ClauseData(
        key="local-authority",
        heading="Our local authority",
        art13_items=(A.RECIPIENTS, A.PURPOSES),
        body=_text(
            "{{ authority.name }} has legal duties of its own towards children in its area, "
            "including admissions, special educational needs, attendance and safeguarding. To "
            "help it carry these out we share information with the council, such as pupil "
            "numbers, attendance, exclusions and details of any child we are worried about.",
            "You can read how the council uses this information on "
            "[its website]({{ authority.website }}).",
        ),
    ),
    ClauseData(
        key="youth-support-services",
        heading="Youth support services",
        art13_items=(A.RECIPIENTS, A.RIGHTS),
        required=False,
        body=_text(
            "Once a pupil turns 13, the law asks us to pass some information to the youth "
            "support services of {{ authority.name }}. They help young people with education, "
            "training and careers until the age of 19, or 25 for those with special educational "
            "needs or a disability.",
            "We share the pupil's name, address and date of birth, their parents' names and "
            "address, and anything else the service needs to do its job.",
            "Until a pupil is 16, a parent or carer can ask us to share only the name, address "
            "and date of birth. From 16, pupils can make that choice for themselves. Tell the "
            "school office if you would like us to do this.",
        ),
        guidance="Only for schools with pupils aged 13 or over.",
    ),
    ClauseData(
        key="when-pupils-move-on",
        heading="When a pupil leaves",
        art13_items=(A.RECIPIENTS,),
        body=_text(
            "When a pupil moves to another school, we send their school record and a common "
            "transfer file to the new school within 15 school days of learning where they have "
            "gone. If they move into further education or training, we pass on what the new "
            "provider needs to support them.",
            "If we do not know where a pupil has gone, we tell {{ authority.name }}, which has "
            "a duty to find children who are missing education.",
        ),
    ),
    ClauseData(
        key="our-usual-next-school",
        heading="Moving on to the next school",
        art13_items=(A.RECIPIENTS,),
        required=False,
        body=_text(
            "Most of our pupils go on to {{ school.transfers_to }}. In their final term with "
            "us, our teachers meet staff from there to pass on what will help each child settle "
            "in, such as how they learn best and any support they need.",
            "The full school record follows once the child has started at their new school.",
        ),
        guidance="For infant and first schools whose pupils usually move on together.",
    ),
    ClauseData(
        key="how-long-we-keep-information",
        heading="How long we keep information",
        art13_items=(A.RETENTION,),
        body=_text(
            "We keep personal information only for as long as we need it. Our retention "
            "schedule, based on national guidance for schools, sets a period for each kind of "
            "record. For example:",
            _bullets(
                "when a pupil moves on, a primary school sends the pupil file to the next school "
                "rather than keeping it",
                "the last school a pupil attends keeps the file until the pupil's 25th birthday",
                "admission applications are kept for a year after the school year they relate "
                "to, or longer if there is an appeal",
                "safeguarding records can be kept for much longer",
            ),
            "When the period ends, we delete electronic records and shred paper ones securely. "
            "You can ask the school for a copy of the retention schedule.",
        ),
    ),
    ClauseData(
        key="childrens-rights-and-educational-record",
        heading="Children's rights and the educational record",
        art13_items=(A.RIGHTS,),
        body=_text(
            "The rights in this notice belong to the person the information is about, so "
            "pupils hold them over their own records. A parent or carer can use them for a "
            "child who is too young to understand them. As a rough guide, we expect a child of "
            "12 or over to be able to make requests for themselves, and we may ask for an older "
            "pupil's agreement before giving their information to a parent.",
            "If your child attends a maintained school, you also have a separate right to see "
            "their *educational record* within 15 school days of asking, whatever their age. "
            "Academies do not have to follow this rule, but most will agree to a similar "
            "request. Ask {{ school.data_request_contact }} at " + DATA_REQUEST_LINK + ".",
        ),
    ),
    ClauseData(
        key="cookies",
        heading="Cookies on our website",
        art13_items=(A.PURPOSES, A.WITHDRAW_CONSENT),
        required=False,
        body=_text(
            "Our website, [{{ school.website }}]({{ school.website }}), places a few small "
            "files called cookies on your device. Some are needed for the site to work, for "
            "example to remember your cookie choices. Others, such as visitor statistics, are "
            "only set if you agree.",
            "Statistics tell us which pages are used so that we can improve the site; they do "
            "not tell us who you are. You can change your choice at any time through the cookie "
            "settings link at the foot of each page, or by clearing cookies in your browser.",
        ),
    ),
    ClauseData(
        key="photographs-and-biometrics",
        heading="Photographs and biometric recognition",
        art13_items=(A.CATEGORIES, A.WITHDRAW_CONSENT),
        required=False,
        body=_text(
            "We take photographs of pupils to identify them, to keep them safe and to record "
            "their work. We use photographs in any other way, such as displays visitors can "
            "see, the newsletter, the website or social media, only with consent. We ask for "
            "this when a pupil joins and you can change your answer at any time.",
            "Where we use biometric recognition, such as a fingerprint reader for lunches, we "
            "need written consent from a parent before we start, and we will not use it for a "
            "pupil who objects, whatever a parent has said. Pupils who do not take part are "
            "given another way, such as a card or PIN, to use the same service.",
        ),
    ),
    # --- School workforce ------------------------------------------------------------------
    ClauseData(
        key="workforce-information-we-hold",
        heading="What we hold about our workforce",
        art13_items=(A.CATEGORIES,),
        body=_text(
            "For the people who work or volunteer at {{ school.name }}, including governors, "
            "we hold:",
            _bullets(
                "name, address, contact details, date of birth, National Insurance number and "
                "emergency contacts",
                "contract details such as role, start date, hours and salary, and bank details "
                "for pay",
                "recruitment records, including references, right-to-work evidence and the "
                "outcome of Disclosure and Barring Service (DBS) checks",
                "qualifications and training, and a teacher's reference number",
                "performance reviews, and any capability, grievance or disciplinary records",
                "absence records, including sickness and occupational health reports",
                "characteristics such as ethnicity, sex and disability, for equality monitoring",
                "photographs for ID badges, and CCTV recordings where the school uses CCTV",
                "for governors: appointment details, business interests and meeting attendance",
            ),
        ),
    ),
    ClauseData(
        key="workforce-why-we-use",
        heading="Why we use workforce information",
        art13_items=(A.PURPOSES,),
        body=_text(
            "We use workforce information to:",
            _bullets(
                "recruit safely and check that people are suitable to work with children",
                "pay salaries and expenses, and deal with tax, National Insurance and pensions",
                "manage performance, training and professional development",
                "support wellbeing and manage sickness absence",
                "keep the single central record of safeguarding checks",
                "plan staffing so that the school runs well",
                "make the returns the law requires, such as the school workforce census",
                "meet our duties under equality and health and safety law",
            ),
        ),
    ),
    ClauseData(
        key="workforce-lawful-basis",
        heading="Our lawful basis for workforce information",
        art13_items=(A.LAWFUL_BASIS, A.LEGITIMATE_INTERESTS),
        body=_text(
            "We use workforce information because:",
            _bullets(
                "it is needed for a *contract*, mainly a contract of employment, so that we can "
                "pay people and manage their work",
                "we have a *legal obligation*, for example under employment, tax, pension, "
                "safeguarding or health and safety law",
                "it is part of our *public task* of running a school, including its governance",
                "for a few things, such as a staff photograph on the website, we ask for your "
                "*consent*",
            ),
            "For health information, equality monitoring and criminal records checks we also "
            "rely on the conditions the Data Protection Act 2018 sets for employment, "
            "safeguarding and equal opportunities.",
            "As a public body we do not rely on *legitimate interests* for our core work. Where "
            "we occasionally use it, for example to invite former staff to school events, we "
            "weigh your interests first and you can ask us to stop.",
        ),
    ),
    ClauseData(
        key="workforce-collecting",
        heading="Where workforce information comes from",
        art13_items=(A.SOURCE, A.STATUTORY),
        body=_text(
            "Most of it comes from you, through your application, your new-starter forms and "
            "your time with us. Some comes from others: referees and previous employers, the "
            "Disclosure and Barring Service, the Teaching Regulation Agency, occupational "
            "health advisers and, for pay and pensions, {{ authority.name }} or our payroll "
            "provider.",
            "Some information is essential: without it we cannot employ you or meet our legal "
            "duties, for example proof of your right to work in the UK and the results of "
            "safeguarding checks. Other information, such as ethnicity or religion for equality "
            "monitoring, is voluntary, and we will always say which is which.",
        ),
    ),
    ClauseData(
        key="workforce-sharing",
        heading="Who we share workforce information with",
        art13_items=(A.RECIPIENTS,),
        body=_text(
            "We share workforce information, and only as much as is needed, with:",
            _bullets(
                "{{ authority.name }}, for safeguarding and, where the council provides them to "
                "us, payroll and HR services",
                "the Department for Education, through the school workforce census",
                "HM Revenue and Customs, and the pension scheme you belong to",
                "our occupational health provider, when you are referred to it",
                "the Disclosure and Barring Service and the Teaching Regulation Agency, for "
                "checks and when the law requires a referral",
                "Ofsted, during an inspection",
                "suppliers of services such as HR software or ID badges, acting on our "
                "instructions under contract",
                "the police or the courts, when the law requires it",
            ),
            "Governors' names, roles and business interests are also recorded in the DfE's "
            "*Get Information about Schools* register and published on our website, as the law "
            "requires.",
        ),
    ),
    ClauseData(
        key="workforce-census",
        heading="The school workforce census",
        art13_items=(A.RECIPIENTS, A.PURPOSES),
        body=_text(
            "Each autumn we send information about our staff to the DfE in the *school "
            "workforce census*, as the law requires. The DfE uses it to understand the school "
            "workforce, to plan teacher supply and pay, and to check whether its policies work.",
            "The DfE may share extracts with researchers and other bodies under strict "
            "conditions. It is the controller for the census data it holds, so questions about "
            "that data should go to the DfE.",
        ),
    ),
    ClauseData(
        key="workforce-retention",
        heading="How long we keep workforce information",
        art13_items=(A.RETENTION,),
        body=_text(
            "We keep a personnel file while you work here and for six years after you leave, "
            "the period in which most legal claims can be made. Some records are kept longer: "
            "records of allegations about the safety of children, for example, are kept until "
            "the person reaches normal pension age or for ten years, whichever is longer.",
            "Applications from candidates we do not appoint are deleted six months after the "
            "post is filled. We do not keep copies of DBS certificates beyond six months; the "
            "single central record keeps the date and reference of each check.",
        ),
    ),
)

CLAUSES_BY_KEY: dict[str, ClauseData] = {clause.key: clause for clause in CLAUSES}

# Optional clauses a school is given only if it has pupils of these phases; schools of other
# phases leave them out when their notice is first created.
CLAUSE_PHASES: dict[str, frozenset[str]] = {
    "youth-support-services": frozenset(
        {"secondary", "all-through", "16-plus", "middle", "special", "alternative"}
    ),
}

SHARED_OPENING = ("who-we-are", "data-protection-officer")
SHARED_RIGHTS = (
    "your-rights",
    "right-of-access",
    "right-to-rectification",
    "right-to-erasure",
    "right-to-restrict-processing",
    "right-to-object",
    "right-to-data-portability",
    "withdrawing-consent",
    "automated-decisions",
)
SHARED_CLOSING = ("complaints", "how-to-contact-us", "changes-to-this-notice")

PUPILS_AND_PARENTS = NoticeTypeData(
    slug="pupils-and-parents",
    title="How we use pupil and parent information",
    audience="Parents, carers and pupils",
    is_primary=True,
    not_applicable_items=(A.REPRESENTATIVE,),
    clause_keys=(
        *SHARED_OPENING,
        "pupil-information-we-hold",
        "parent-information-we-hold",
        "special-category-data",
        "why-we-use-pupil-information",
        "lawful-basis",
        "legitimate-interests",
        "where-information-comes-from",
        "collecting-information",
        "who-we-share-with",
        "sharing-to-keep-people-safe",
        "department-for-education",
        "national-pupil-database",
        "local-authority",
        "youth-support-services",
        "when-pupils-move-on",
        "our-usual-next-school",
        "international-transfers",
        "how-long-we-keep-information",
        "keeping-information-secure",
        *SHARED_RIGHTS,
        "childrens-rights-and-educational-record",
        "photographs-and-biometrics",
        "cctv",
        "cookies",
        *SHARED_CLOSING,
    ),
)

SCHOOL_WORKFORCE = NoticeTypeData(
    slug="school-workforce",
    title="How we use school workforce information",
    audience="Staff, governors and volunteers",
    is_primary=False,
    not_applicable_items=(A.REPRESENTATIVE,),
    clause_keys=(
        *SHARED_OPENING,
        "workforce-information-we-hold",
        "workforce-why-we-use",
        "workforce-lawful-basis",
        "workforce-collecting",
        "workforce-sharing",
        "workforce-census",
        "international-transfers",
        "workforce-retention",
        "keeping-information-secure",
        *SHARED_RIGHTS,
        "cctv",
        *SHARED_CLOSING,
    ),
)

NOTICE_TYPES: tuple[NoticeTypeData, ...] = (PUPILS_AND_PARENTS, SCHOOL_WORKFORCE)

# The "At a glance" layer: one or two plain sentences per clause, read before the full notice.
SUMMARIES: dict[str, str] = {
    "who-we-are": "{{ school.name }} decides how your personal information is used and "
    "is responsible for looking after it.",
    "data-protection-officer": "Our data protection officer checks that we follow the law. "
    "You can contact them at " + DPO_EMAIL_LINK + " or on {{ dpo.phone }}.",
    "international-transfers": "We keep information in the UK wherever we can, and only use "
    "services abroad where the law's safeguards apply.",
    "keeping-information-secure": "We limit who can see information, protect our systems and "
    "paper files, and act quickly if something goes wrong.",
    "your-rights": "You can ask to see, correct or delete your information, or to limit how "
    "we use it. We normally reply within a month, free of charge.",
    "right-of-access": "You can ask for a copy of the information we hold about you. Contact "
    "{{ school.data_request_contact }} at " + DATA_REQUEST_LINK + ".",
    "right-to-rectification": "Tell us if anything we hold is wrong or out of date and we "
    "will put it right.",
    "right-to-erasure": "You can ask us to delete information; the law makes us keep some "
    "records, and we will explain if we cannot.",
    "right-to-restrict-processing": "While a problem is being sorted out, you can ask us to "
    "keep information safe but not use it.",
    "right-to-object": "You can object to how we use information because of your own "
    "situation. We never use it for marketing.",
    "right-to-data-portability": "For some information you gave us, you can ask for a copy "
    "in a common digital format.",
    "withdrawing-consent": "Where we asked for your consent, you can change your mind at any "
    "time by contacting the school office.",
    "automated-decisions": "A person, not a computer, makes every decision about you.",
    "complaints": "If you are unhappy, tell the school or our data protection officer first. "
    "You can also complain to the Information Commissioner's Office.",
    "cctv": "We record parts of the site on CCTV for safety; recordings are deleted after "
    "30 days unless they are needed.",
    "how-to-contact-us": "Email " + SCHOOL_EMAIL_LINK + " or call {{ school.phone }} with any "
    "question about this notice.",
    "changes-to-this-notice": "We review this notice every year and tell you directly about "
    "any change that affects you significantly.",
    "pupil-information-we-hold": "We keep pupils' contact details, attendance, progress, "
    "health and support needs, and safeguarding records.",
    "parent-information-we-hold": "We keep parents' and carers' contact details, who to call "
    "in an emergency, and records of payments.",
    "special-category-data": "Health, ethnicity, religion and biometric information are "
    "protected more strictly, and we use them only when the law allows.",
    "why-we-use-pupil-information": "We use information to teach pupils, keep them safe, "
    "support their needs and keep in touch with families.",
    "lawful-basis": "Most of what we do is our public task or a legal duty; for a few things, "
    "such as photographs online, we ask your consent.",
    "legitimate-interests": "We rely on legitimate interests only for things outside our "
    "work as a school, such as news of reunions.",
    "where-information-comes-from": "Most information comes from you; some comes from a "
    "pupil's previous school, the council and health services.",
    "collecting-information": "Some information is required by law or for safety; we always "
    "say which questions you can leave blank.",
    "who-we-share-with": "We share information only when the law requires it, to provide a "
    "service, or with your agreement, and no more than is needed.",
    "sharing-to-keep-people-safe": "If someone may be at risk, we may share information "
    "without asking first, and we record what we shared.",
    "department-for-education": "By law we send census information about pupils to the "
    "Department for Education several times a year.",
    "national-pupil-database": "The Department for Education keeps census information in the "
    "National Pupil Database and shares it only under strict rules.",
    "local-authority": "We share information with {{ authority.name }} so that it can carry "
    "out its duties towards children.",
    "youth-support-services": "From age 13 we pass some information to youth support "
    "services, who help young people with education and careers.",
    "when-pupils-move-on": "When a pupil moves school, we send their record to the new school.",
    "our-usual-next-school": "Most pupils move on to {{ school.transfers_to }}, and we pass "
    "on what helps each child settle in.",
    "how-long-we-keep-information": "We keep information only as long as our retention "
    "schedule says, then delete or shred it securely.",
    "childrens-rights-and-educational-record": "Pupils hold the rights over their own "
    "information; parents can act for young children.",
    "cookies": "Our website sets statistics cookies only if you agree.",
    "photographs-and-biometrics": "We use photographs beyond school records, and any "
    "fingerprint systems, only with consent.",
    "workforce-information-we-hold": "We keep staff contact, contract, pay, recruitment, "
    "training and absence records.",
    "workforce-why-we-use": "We use workforce information to recruit safely, pay people, "
    "support them and meet our legal duties.",
    "workforce-lawful-basis": "We use workforce information for employment contracts, legal "
    "duties and our public task; a few things need consent.",
    "workforce-collecting": "Most information comes from you; some comes from referees, "
    "safeguarding checks and payroll.",
    "workforce-sharing": "We share workforce information with the council, the Department for "
    "Education, HMRC, pension schemes and others the law requires.",
    "workforce-census": "Each autumn we send staff information to the Department for "
    "Education, as the law requires.",
    "workforce-retention": "We keep a personnel file for six years after someone leaves; "
    "some safeguarding records are kept longer.",
}
