"""The outdated law and terms every authority starts with; DPO staff keep the list after that."""

from datetime import date

from django.db import migrations

DPA_2018 = date(2018, 5, 25)
UK_GDPR = date(2021, 1, 1)

TERMS = [
    ("Data Protection Act 1998", "law", "Repealed on 25 May 2018; data protection law is now "
     "the UK GDPR and the Data Protection Act 2018.", "UK GDPR and the Data Protection Act 2018",
     DPA_2018),
    ("DPA 1998", "law", "The Data Protection Act 1998 was repealed on 25 May 2018.",
     "UK GDPR and the Data Protection Act 2018", DPA_2018),
    ("Data Protection Directive", "law", "The EU directive was replaced by the GDPR in 2018 and "
     "no longer applies in the UK.", "UK GDPR", DPA_2018),
    ("Directive 95/46/EC", "law", "The EU directive was replaced by the GDPR in 2018.", "UK GDPR",
     DPA_2018),
    ("rectified, blocked, erased", "law", "“Blocked” is Data Protection Act 1998 wording; the "
     "rights now are to rectification, erasure and restriction.",
     "rectified, erased or restricted", DPA_2018),
    ("sensitive personal data", "term", "Data Protection Act 1998 term; UK GDPR calls it "
     "special category data.", "special category data", DPA_2018),
    ("privacy impact assessment", "term", "UK GDPR calls it a data protection impact "
     "assessment, with set contents (Article 35).", "data protection impact assessment (DPIA)",
     DPA_2018),
    ("EU GDPR", "law", "Since 1 January 2021 the law in the UK is the UK GDPR, not the EU GDPR.",
     "UK GDPR", UK_GDPR),
    ("EU General Data Protection Regulation", "law", "Since 1 January 2021 the law in the UK is "
     "the UK GDPR.", "UK GDPR", UK_GDPR),
    ("European Economic Area", "term", "Since 1 January 2021 UK law asks about transfers "
     "outside the UK, not outside the EEA.", "outside the UK", UK_GDPR),
    ("EEA", "term", "Since 1 January 2021 UK law asks about transfers outside the UK, not "
     "outside the EEA.", "outside the UK", UK_GDPR),
    ("Privacy Shield", "law", "The EU-US Privacy Shield was struck down in July 2020; UK "
     "transfers to the US rely on the UK-US data bridge or other safeguards.",
     "the UK-US data bridge", date(2020, 7, 16)),
    ("Safe Harbour", "law", "Safe Harbour was struck down in 2015.", "the UK-US data bridge",
     date(2015, 10, 6)),
    ("Safe Harbor", "law", "Safe Harbor was struck down in 2015.", "the UK-US data bridge",
     date(2015, 10, 6)),
    ("Twitter", "body", "Twitter was renamed X in July 2023.", "X (formerly Twitter)",
     date(2023, 7, 23)),
    ("Primary Care Trust", "body", "Primary care trusts closed in April 2013; their work is now "
     "done by integrated care boards.", "Integrated Care Board (ICB)", date(2013, 4, 1)),
    ("PCT", "body", "Primary care trusts closed in April 2013; their work is now done by "
     "integrated care boards.", "Integrated Care Board (ICB)", date(2013, 4, 1)),
    ("Clinical Commissioning Group", "body", "Clinical commissioning groups closed on 1 July "
     "2022; integrated care boards took on their work.", "Integrated Care Board (ICB)",
     date(2022, 7, 1)),
    ("CCG", "body", "Clinical commissioning groups closed on 1 July 2022; integrated care boards "
     "took on their work.", "Integrated Care Board (ICB)", date(2022, 7, 1)),
    ("Public Health England", "body", "Public Health England closed in October 2021; health "
     "protection moved to the UK Health Security Agency.", "UK Health Security Agency (UKHSA)",
     date(2021, 10, 1)),
    ("PHE", "body", "Public Health England closed in October 2021.",
     "UK Health Security Agency (UKHSA)", date(2021, 10, 1)),
    ("Criminal Records Bureau", "body", "The CRB merged into the Disclosure and Barring Service "
     "in December 2012.", "Disclosure and Barring Service (DBS)", date(2012, 12, 1)),
    ("CRB check", "term", "CRB checks became DBS checks in December 2012.", "DBS check",
     date(2012, 12, 1)),
    ("Local Safeguarding Children Board", "body", "Safeguarding children boards were replaced "
     "by local safeguarding partners in 2019.", "local safeguarding partners",
     date(2019, 9, 29)),
    ("LSCB", "body", "Safeguarding children boards were replaced by local safeguarding "
     "partners in 2019.", "local safeguarding partners", date(2019, 9, 29)),
    ("Education Funding Agency", "body", "The EFA became part of the Education and Skills "
     "Funding Agency in 2017, which closed in March 2025; the Department for Education does "
     "its work.", "Department for Education", date(2017, 4, 1)),
    ("Education and Skills Funding Agency", "body", "The ESFA closed on 31 March 2025; the "
     "Department for Education does its work.", "Department for Education", date(2025, 4, 1)),
    ("ESFA", "body", "The ESFA closed on 31 March 2025; the Department for Education does its "
     "work.", "Department for Education", date(2025, 4, 1)),
    ("National College for Teaching and Leadership", "body", "The NCTL closed in April 2018; "
     "teacher regulation moved to the Teaching Regulation Agency.",
     "Teaching Regulation Agency", date(2018, 4, 1)),
]  # fmt: skip


def seed(apps, schema_editor):
    OutdatedTerm = apps.get_model("health", "OutdatedTerm")
    for term, kind, reason, replacement, since in TERMS:
        OutdatedTerm.objects.get_or_create(
            term=term,
            defaults={
                "kind": kind,
                "reason": reason,
                "replacement": replacement,
                "outdated_since": since,
            },
        )


def unseed(apps, schema_editor):
    OutdatedTerm = apps.get_model("health", "OutdatedTerm")
    OutdatedTerm.objects.filter(term__in=[row[0] for row in TERMS]).delete()


class Migration(migrations.Migration):
    dependencies = [("health", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
